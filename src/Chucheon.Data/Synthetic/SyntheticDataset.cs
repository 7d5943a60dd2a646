using Chucheon.Data.Readers.Building;

namespace Chucheon.Data.Synthetic;

/// <summary>A seeded, deterministic MovieLens-like dataset (format <c>synthetic</c>): the quickstart's embedded data,
/// and a test bed where the truth is known.</summary>
/// <remarks>
/// The model behind it:
/// <list type="bullet">
/// <item>18 genres, each a random unit direction in a small taste space; common genres are drawn more often.</item>
/// <item>Each item has one to three genres; its taste vector is their mean direction plus noise, so genres carry
/// information about what users like (content-based models can use them).</item>
/// <item>Item popularity follows a Zipf law over a random ranking.</item>
/// <item>Each user likes one or two genres (taste vector = their direction plus noise) and has a log-normal number of
/// interactions (a heavy tail of very active users).</item>
/// <item>A user picks items without replacement with probability ∝ popularity × exp(strength × affinity), where
/// affinity is the dot product of taste vectors: popularity alone beats random, and collaborative models that recover
/// taste beat popularity.</item>
/// <item>Ratings 1-5 rise with affinity (plus noise). Timestamps increase per user; the order follows a per-user drift
/// direction in taste space, so sequences have a learnable trend.</item>
/// <item>User features: <c>gender</c> and <c>age</c> band, both correlated with taste. Item features:
/// <c>genres</c>, <c>title</c>.</item>
/// </list>
/// </remarks>
public static class SyntheticDataset
{
    private const long FirstTimestamp = 1_420_070_400; // 2015-01-01T00:00:00Z
    private const double ThreeYearsInSeconds = 3 * 365.25 * 86_400;
    private const double MeanSecondsBetweenEvents = 2 * 86_400;
    private const double TasteNoise = 0.35;

    private static readonly string[] AgeBands = ["18-24", "25-34", "35-44", "45-54", "55+"];

    public static InteractionDataset Generate(SyntheticOptions? options = null, string name = "synthetic")
    {
        options ??= new SyntheticOptions();
        options.Validate();
        var random = new SeededRandom(options.Seed);
        var dimensions = options.LatentDimensions;
        var genreCount = SyntheticGenres.Names.Count;

        var genreDirections = new double[genreCount][];
        for (var g = 0; g < genreCount; g++) { genreDirections[g] = Normalized(Gaussian(random, dimensions, 1.0)); }

        // Genre g is drawn with weight 1 / (g + 1)^0.7: a few big genres (drama, comedy), a long tail of niche ones.
        var genreWeights = new double[genreCount];
        for (var g = 0; g < genreCount; g++) { genreWeights[g] = Math.Pow(g + 1, -0.7); }
        var genreWeightTotal = genreWeights.Sum();

        var itemGenres = new int[options.Items][];
        var itemTaste = new double[options.Items][];
        for (var i = 0; i < options.Items; i++)
        {
            var count = 1 + (random.NextDouble() < 0.45 ? 1 : 0) + (random.NextDouble() < 0.15 ? 1 : 0);
            itemGenres[i] = DistinctGenres(random, genreWeights, genreWeightTotal, count);
            itemTaste[i] = TasteFrom(random, genreDirections, itemGenres[i], dimensions);
        }

        var logPopularity = LogZipfPopularity(random, options.Items, options.PopularityExponent);

        var users = new IdMap(Enumerable.Range(1, options.Users).Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var items = new IdMap(Enumerable.Range(1, options.Items).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var log = new InteractionLogBuilder(hasRatings: true, hasTimestamps: true, hasEvents: false, (int)(options.Users * options.InteractionsPerUser * 1.2));
        var userFeatures = new FeatureTableBuilder();
        var genders = userFeatures.Categorical("gender");
        var ages = userFeatures.Categorical("age");

        var activityMu = Math.Log(options.InteractionsPerUser) - (options.ActivitySpread * options.ActivitySpread / 2);
        var maxPerUser = Math.Max(options.MinInteractionsPerUser, options.Items / 2);
        var chosenHeap = new PriorityQueue<int, double>(maxPerUser);
        var affinity = new double[options.Items];
        for (var u = 0; u < options.Users; u++)
        {
            var favourites = DistinctGenres(random, genreWeights, genreWeightTotal, random.NextDouble() < 0.5 ? 1 : 2);
            var taste = TasteFrom(random, genreDirections, favourites, dimensions);
            var drift = Gaussian(random, dimensions, 1.0);
            genders.Set(u, random.NextDouble() < Logistic(2 * taste[0]) ? "F" : "M");
            ages.Set(u, AgeBands[Math.Clamp((int)Math.Floor(2 + (1.2 * taste[1]) + (0.8 * random.NextGaussian())), 0, AgeBands.Length - 1)]);

            var activity = (int)Math.Round(Math.Exp(activityMu + (options.ActivitySpread * random.NextGaussian())));
            activity = Math.Clamp(activity, options.MinInteractionsPerUser, maxPerUser);

            // Gumbel-top-k: the `activity` largest of (log weight + Gumbel noise) are a weighted sample without replacement.
            chosenHeap.Clear();
            for (var i = 0; i < options.Items; i++)
            {
                affinity[i] = Dot(taste, itemTaste[i]);
                var key = logPopularity[i] + (options.PreferenceStrength * affinity[i]) + random.NextGumbel();
                if (chosenHeap.Count < activity)
                {
                    chosenHeap.Enqueue(i, key);
                }
                else if (chosenHeap.TryPeek(out _, out var smallest) && key > smallest)
                {
                    chosenHeap.DequeueEnqueue(i, key);
                }
            }

            var chosen = new int[activity];
            for (var k = 0; k < activity; k++) { chosen[k] = chosenHeap.Dequeue(); }

            // Order of consumption follows the user's drift direction, with noise.
            var order = new double[activity];
            for (var k = 0; k < activity; k++) { order[k] = Dot(drift, itemTaste[chosen[k]]) + (0.5 * random.NextGaussian()); }
            Array.Sort(order, chosen);

            var time = FirstTimestamp + (long)(random.NextDouble() * ThreeYearsInSeconds);
            foreach (var item in chosen)
            {
                time += 60 + (long)random.NextExponential(MeanSecondsBetweenEvents);
                var rating = Math.Clamp(Math.Round(3.3 + (1.5 * affinity[item]) + (0.7 * random.NextGaussian())), 1, 5);
                log.Add(u, item, (float)rating, time);
            }
        }

        return new InteractionDataset(name, users, items, log.Build(), userFeatures.Build(options.Users), ItemFeatures(itemGenres, options.Items));
    }

    private static FeatureTable ItemFeatures(int[][] itemGenres, int itemCount)
    {
        var features = new FeatureTableBuilder();
        var genres = features.MultiCategorical("genres", new IdMap(SyntheticGenres.Names));
        var titles = features.Text("title");
        for (var i = 0; i < itemCount; i++)
        {
            foreach (var g in itemGenres[i]) { genres.Add(i, g); }
            titles.Set(i, $"{SyntheticGenres.Names[itemGenres[i][0]]} title #{i + 1}");
        }

        return features.Build(itemCount)!;
    }

    private static double[] LogZipfPopularity(SeededRandom random, int items, double exponent)
    {
        var rank = new int[items];
        for (var i = 0; i < items; i++) { rank[i] = i; }
        for (var i = items - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (rank[i], rank[j]) = (rank[j], rank[i]);
        }

        var logPopularity = new double[items];
        for (var i = 0; i < items; i++) { logPopularity[i] = -exponent * Math.Log(rank[i] + 1); }
        return logPopularity;
    }

    private static int[] DistinctGenres(SeededRandom random, double[] weights, double total, int count)
    {
        var picked = new List<int>(count);
        while (picked.Count < count)
        {
            var g = random.NextWeighted(weights, total);
            if (!picked.Contains(g)) { picked.Add(g); }
        }

        return [.. picked];
    }

    private static double[] TasteFrom(SeededRandom random, double[][] genreDirections, int[] genres, int dimensions)
    {
        var taste = new double[dimensions];
        foreach (var g in genres)
        {
            for (var d = 0; d < dimensions; d++) { taste[d] += genreDirections[g][d]; }
        }

        Normalized(taste);
        for (var d = 0; d < dimensions; d++) { taste[d] += TasteNoise * random.NextGaussian(); }
        return taste;
    }

    private static double[] Gaussian(SeededRandom random, int dimensions, double scale)
    {
        var v = new double[dimensions];
        for (var d = 0; d < dimensions; d++) { v[d] = scale * random.NextGaussian(); }
        return v;
    }

    private static double[] Normalized(double[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (var d = 0; d < v.Length; d++) { v[d] /= norm; }
        }

        return v;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++) { sum += a[d] * b[d]; }
        return sum;
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
