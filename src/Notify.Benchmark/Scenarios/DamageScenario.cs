using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Notify.Benchmark.Load;
using Notify.Benchmark.Measure;
using Notify.Benchmark.Parts;
using Notify.Benchmark.Report;

namespace Notify.Benchmark.Scenarios;

/// <summary>
/// 6. Damage report: a shop with a month of orders (5,000; short mode 500) asks for the month's report, as JSON and as
/// CSV, over HTTP. Reported, never asserted: the issue's goal is under a second on Azurite.
/// </summary>
public static class DamageScenario
{
    private const string Part = "6 damage report";
    private const int Rounds = 5;

    public static async Task RunAsync(LocalStack stack, HttpClient app, BenchmarkOptions options, RunReport report)
    {
        var merchant = await BenchMerchant.CreateAsync(app, "bench-damage");
        var end = DateTimeOffset.UtcNow;
        Console.WriteLine($"  seeding {options.DamageOrders:N0} orders over 30 days…");
        await MonthOfOrders.AddAsync(stack.StorageConnection, merchant.Id, options.DamageOrders, end);
        var query = $"/api/merchants/{merchant.Id}/damage?from={Uri.EscapeDataString(end.AddDays(-30).AddMinutes(-1).ToString("O"))}&to={Uri.EscapeDataString(end.AddMinutes(1).ToString("O"))}";
        await ProbeStorageAsync(stack, merchant.Id, end, report);
        foreach (var format in new[] { "json", "csv" })
        {
            var times = new List<double>();
            int? orders = null;
            for (var round = 0; round <= Rounds; round++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, format == "csv" ? query + "&format=csv" : query);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", merchant.ApiKey);
                var clock = Stopwatch.StartNew();
                using var response = await app.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                clock.Stop();
                response.EnsureSuccessStatusCode();
                if (format == "json")
                {
                    orders = JsonNode.Parse(body)!["orders"]!.GetValue<int>();
                }
                // The first round warms the code paths and connections; it is not counted.
                if (round > 0)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            var median = Stats.Of(times)!.P50;
            report.Add(new Metric(Part, $"month of {options.DamageOrders:N0} orders, {format} (median of {Rounds})", median, "ms", "< 1000", median < 1000,
                Note: string.Join(", ", times.Select(t => t.ToString("0", System.Globalization.CultureInfo.InvariantCulture))) + " ms"));
            if (orders is { } counted)
            {
                report.Add(new Metric(Part, "orders the report counted", counted, $"of {options.DamageOrders}", $"= {options.DamageOrders}", counted == options.DamageOrders));
            }
        }
    }

    // Where the time goes: the month's row-key range read alone, straight from Azurite, as the report reads it.
    private static async Task ProbeStorageAsync(LocalStack stack, string merchantId, DateTimeOffset end, RunReport report)
    {
        var table = new Azure.Data.Tables.TableServiceClient(stack.StorageConnection).GetTableClient(Notify.Storage.StorageNames.MerchantDataTable);
        var low = Notify.Storage.RowKeys.OrderPrefix + Notify.Common.Ids.TimePrefix(end.AddDays(-31));
        var high = Notify.Storage.RowKeys.OrderPrefix + Notify.Common.Ids.TimePrefix(end.AddMinutes(1));
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {merchantId} and RowKey ge {low} and RowKey lt {high}");
        var times = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(filter, 1000, ["AcceptedAt", "AttemptsJson", "Chain"]))
            {
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        report.Add(new Metric(Part, "the month's range query alone, straight from Azurite (median)", Stats.Of(times)!.P50, "ms"));
    }
}
