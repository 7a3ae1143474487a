using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notify.Common;

/// <summary>The one set of JSON settings for bodies, queue messages and stored JSON columns.</summary>
public static class Json
{
    /// <summary>camelCase, enums as strings, nulls omitted, Korean left readable.</summary>
    public static readonly JsonSerializerOptions Options = Create(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    // For text stored in table columns: emoji too stay as they are (content hashes keep using Options, so they never change).
    private static readonly JsonSerializerOptions StoredOptions = Create(CompactJsonEncoder.Instance);

    private static JsonSerializerOptions Create(JavaScriptEncoder encoder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Bodies are JSON, never inlined in HTML, so Korean text and "+" in phone numbers stay as they are.
            Encoder = encoder,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serialises with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Serialises for a stored column: as <see cref="Serialize{T}"/>, escaping only what JSON requires.</summary>
    public static string SerializeStored<T>(T value) => JsonSerializer.Serialize(value, StoredOptions);

    /// <summary>Deserialises with <see cref="Options"/>; throws on null.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");
}
