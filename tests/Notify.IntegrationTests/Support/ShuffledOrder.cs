using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Notify.IntegrationTests.Support.ShuffledOrder", "Notify.IntegrationTests")]
[assembly: TestCaseOrderer("Notify.IntegrationTests.Support.ShuffledOrder", "Notify.IntegrationTests")]

namespace Notify.IntegrationTests.Support;

/// <summary>
/// xunit's own order, or with <c>NOTIFY_TEST_SEED</c> set a shuffle of the collections and of the tests of each class,
/// seeded so a failing order can be run again: every test must start from state it made, whatever ran before it.
/// (xunit 2 runs the classes of one collection in their discovered order; only a custom test framework could change it.)
/// </summary>
public sealed class ShuffledOrder(IMessageSink diagnostics) : ITestCollectionOrderer, ITestCaseOrderer
{
    /// <summary>The environment variable that holds the seed.</summary>
    public const string SeedVariable = "NOTIFY_TEST_SEED";

    private static readonly int? Seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : null;

    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        Seed is { } seed ? Shuffle(testCollections, c => c.DisplayName, seed, "collections") : new DefaultTestCollectionOrderer().OrderTestCollections(testCollections);

    /// <inheritdoc />
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        Seed is { } seed ? Shuffle(testCases, t => t.UniqueID, seed, "tests") : new DefaultTestCaseOrderer(diagnostics).OrderTestCases(testCases);

    private List<T> Shuffle<T>(IEnumerable<T> items, Func<T, string> key, int seed, string what)
    {
        var shuffled = items.OrderBy(key, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(shuffled);
        diagnostics.OnMessage(new DiagnosticMessage($"{what} shuffled with {SeedVariable}={seed}"));
        return [.. shuffled];
    }
}
