namespace Chucheon.Data.Continual;

/// <summary>A built stream with the report of what building it decided.</summary>
public sealed record StreamBuildResult(TaskStream Stream, StreamBuildReport Report);
