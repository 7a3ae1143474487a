using System.Net;
using System.Text.Json.Nodes;

namespace Notify.IntegrationTests.Support;

/// <summary>Checks an RFC 9457 answer.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the status, the problem+json media type and body shape, and (optionally) an error at a JSON path.</summary>
    public static async Task<JsonObject> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? errorPath = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["type"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()));
        if (errorPath is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors?.ContainsKey(errorPath) == true, $"Expected an error at '{errorPath}': {text}");
        }
        return problem;
    }
}
