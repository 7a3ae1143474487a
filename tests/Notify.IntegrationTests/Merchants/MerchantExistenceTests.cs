using System.Net;
using Notify.IntegrationTests.Support;
using Notify.Storage;

namespace Notify.IntegrationTests.Merchants;

/// <summary>A wrong key for a known merchant and any key for an unknown one do the same work, so timing cannot tell them apart.</summary>
[Collection(StrictCollection.Name)]
public sealed class MerchantExistenceTests(StrictApp app)
{
    [Fact]
    public async Task Known_and_unknown_merchants_cost_the_same_storage_reads_when_refused()
    {
        var known = await MerchantClient.CreateAsync(app);
        var unknown = "m_" + Guid.NewGuid().ToString("N")[..16];

        var knownReads = await ReadsPerAttemptAsync(known, known.Id);
        var unknownReads = await ReadsPerAttemptAsync(known, unknown);

        Assert.Equal(knownReads, unknownReads);
        // A refused key is checked once more against storage (a key rotated on another instance works at once), for a
        // known and an unknown merchant alike; the first attempt also fills the cache.
        Assert.Equal([2, 1, 1], knownReads);
    }

    // Three refused reads in a row; each entry is the Merchants-table requests that attempt cost.
    private async Task<int[]> ReadsPerAttemptAsync(MerchantClient caller, string merchantId)
    {
        var reads = new int[3];
        for (var i = 0; i < reads.Length; i++)
        {
            var before = app.Requests.To(StorageNames.MerchantsTable);
            using var response = await caller.GetAsync($"/api/merchants/{merchantId}/orders", key: "nk_wrong");
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
            reads[i] = app.Requests.To(StorageNames.MerchantsTable) - before;
        }
        return reads;
    }
}
