using System.Text.Json;

namespace Notify.Common;

/// <summary>Reads a JSON body: malformed JSON is a 400, a field of the wrong type a 422 at its path.</summary>
public static class JsonBody
{
    /// <summary>Reads up to <paramref name="limit"/> bytes of <paramref name="body"/> as a <typeparamref name="T"/>.</summary>
    public static async Task<Result<T>> ReadAsync<T>(Stream body, int limit, CancellationToken ct) =>
        await BodyReader.ReadAsync(body, limit, ct) is { } bytes ? Parse<T>(bytes) : Problem.TooLarge(limit);

    /// <summary>The body as a <typeparamref name="T"/>, or the problem that stops it.</summary>
    public static Result<T> Parse<T>(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return Problem.MalformedJson(ex.Message);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problem.MalformedJson("The body must be a JSON object.");
            }
            try
            {
                if (FindDuplicate(document.RootElement, "") is { } duplicate)
                {
                    // Two parsers could read two different orders from one signed body: last wins, first wins, or case folds.
                    return Problem.MalformedJson($"'{duplicate}' appears more than once (names are compared ignoring case).");
                }
                return document.RootElement.Deserialize<T>(Json.Options)!;
            }
            catch (JsonException ex)
            {
                var path = JsonPath(ex.Path);
                return Problem.Validation(new Dictionary<string, string[]> { [path] = ["This field has the wrong type."] });
            }
            catch (InvalidOperationException ex)
            {
                // An escaped half of a surrogate pair ("\uD800") parses but cannot be read as a string.
                return Problem.MalformedJson(ex.Message);
            }
        }
    }

    // Property names are matched case-insensitively when read, so "total" and "Total" are the same field twice.
    private static string? FindDuplicate(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (FindDuplicate(item, $"{path}[{i++}]") is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!seen.Add(property.Name))
                {
                    return at;
                }
                if (FindDuplicate(property.Value, at) is { } found)
                {
                    return found;
                }
            }
        }
        return null;
    }

    // System.Text.Json reports "$.customer.phone" or "$.items[0].quantity"; the contract keys errors without "$.".
    private static string JsonPath(string? path) => path is null or "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}

