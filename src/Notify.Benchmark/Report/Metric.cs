namespace Notify.Benchmark.Report;

/// <summary>One measured number, its goal (if the issue sets one) and whether it was met; null value = not measured.</summary>
public sealed record Metric(string Part, string Name, double? Value, string Unit, string? Goal = null, bool? Met = null, string? Note = null);
