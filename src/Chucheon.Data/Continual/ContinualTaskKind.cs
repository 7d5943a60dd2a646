namespace Chucheon.Data.Continual;

/// <summary>What a task asks of the shared user representation; decides how many labels a user has and which metrics
/// apply (ranking metrics for the item kinds, accuracy for classification).</summary>
public enum ContinualTaskKind
{
    /// <summary>Predict the next item of the behaviour sequence: exactly one label per user, over the input item vocabulary.</summary>
    NextItem,

    /// <summary>Recommend items from another domain or behaviour: a non-empty set of labels per user.</summary>
    ItemRecommendation,

    /// <summary>Predict one user-profile class (age bucket, gender, ...): exactly one label per user.</summary>
    Classification,
}
