namespace Chucheon.Neural.Ctr;

/// <summary>CTR evaluation of one part: AUC, LogLoss, group AUC per user (NaN without groups), the row count and the
/// wall and process CPU seconds the prediction plus metrics took.</summary>
public sealed record CtrMetrics(double Auc, double LogLoss, double GroupAuc, int Rows, double Seconds, double CpuSeconds);
