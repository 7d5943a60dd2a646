namespace Chucheon.Data.Readers;

/// <summary>What a reader does with a line it cannot parse.</summary>
public enum BadLinePolicy
{
    /// <summary>Stop with a <see cref="DataFormatException"/> naming file, line and field.</summary>
    Fail,

    /// <summary>Leave the line out, count it in <see cref="LoadReport.LinesSkipped"/> and keep the first reasons.</summary>
    Skip,
}
