using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notify.Configuration;
using Notify.IntegrationTests.Support;
using Notify.Storage;

using Notify.LocalParts;

namespace Notify.IntegrationTests.Configuration;

/// <summary>
/// Three lists of settings agree: what the code reads (by reflection over the bound options classes, plus the
/// storage connection), the <c>Values</c> of local.settings.sample.json, and the app settings infra/main.bicep sets
/// (read from the ARM JSON the pinned Bicep CLI compiles). Every difference is listed here with its reason.
/// </summary>
public sealed class SettingsParityTests
{
    private enum Where { Both, LocalOnly, AzureOnly }

    private sealed record Setting(string Name, Where Where, string? Reason = null);

    /// <summary>Settings the code reads that belong in one place only.</summary>
    private static readonly Setting[] CodeExceptions =
    [
        new("Notify__AdminKey", Where.LocalOnly, "the self-host's operator key; in Azure the Functions host key named operator guards operator routes"),
        new(StorageClients.ConnectionName, Where.LocalOnly, "a connection string (UseDevelopmentStorage=true); Azure uses the identity-based form, no keys"),
        new($"{StorageClients.ConnectionName}__tableServiceUri", Where.AzureOnly, "identity-based storage connection"),
        new($"{StorageClients.ConnectionName}__queueServiceUri", Where.AzureOnly, "identity-based storage connection"),
        new($"{StorageClients.ConnectionName}__credential", Where.AzureOnly, "identity-based storage connection: managedidentity"),
        new($"{StorageClients.ConnectionName}__clientId", Where.AzureOnly, "identity-based storage connection: the user-assigned identity"),
    ];

    /// <summary>Settings the code never reads, read by a host or platform instead.</summary>
    private static readonly Setting[] HostOnly =
    [
        new("FUNCTIONS_WORKER_RUNTIME", Where.LocalOnly, "Core Tools needs it locally; Flex Consumption takes it from functionAppConfig.runtime and rejects it as a setting"),
        new($"{StorageClients.ConnectionName}__blobServiceUri", Where.AzureOnly, "the Functions host's blobs (locks, timer schedule, keys); the app uses no blobs"),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", Where.AzureOnly, "the Functions host's telemetry, and the worker's Azure Monitor exporter (Telemetry/TelemetryExport)"),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", Where.AzureOnly, "Entra auth for that telemetry (local auth is disabled); the worker signs in with the identity it names"),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", Where.LocalOnly, "the standard OpenTelemetry variable, read by the OTLP exporter; empty exports nothing (Azure uses Azure Monitor)"),
    ];

    /// <summary>Secrets: in Azure they must be Key Vault references.</summary>
    private static readonly string[] Secrets = ["Twilio__AuthToken", "Smtp__Password", "Notify__SecretKey", "Notify__PageTokenKey", "Solapi__ApiKey", "Solapi__ApiSecret", "Notify__ConsoleSessionKey"];

    /// <summary>Values allowed to differ from the code's default in the sample.</summary>
    private static readonly Dictionary<string, string> SampleValueExceptions = new()
    {
        ["Notify__AdminKey"] = "a placeholder operator key for the self-host",
        ["Notify__SecretKey"] = "a local-only sample key (the run command makes a random one in .local/secret-key)",
        ["Twilio__AccountSid"] = "the Twilio sandbox's account",
        ["Twilio__AuthToken"] = "the Twilio sandbox's token",
        ["Twilio__From"] = "Twilio's magic test sender",
        ["Twilio__BaseUrl"] = "the Twilio sandbox, http://localhost:7072",
        ["Solapi__ApiKey"] = "the KakaoTalk sandbox's key",
        ["Solapi__ApiSecret"] = "the KakaoTalk sandbox's secret",
        ["Solapi__BaseUrl"] = "the KakaoTalk sandbox, http://localhost:7073",
        ["Notify__AllowPrivateWebhooks"] = "local webhook receivers listen on loopback over http",
    };

    /// <summary>Values allowed to differ from the code's default in main.bicep (its literal or its parameter's default).</summary>
    private static readonly Dictionary<string, string> AzureValueExceptions = new()
    {
        ["Smtp__Host"] = "the code's default is the local mail sink; in Azure the operator gives the server",
        ["Smtp__Port"] = "the code's default is the local mail sink's 1025; submission (587) in Azure",
        ["Smtp__From"] = "the code's default is a localhost address; in Azure the operator gives the sender",
    };

    private static Lazy<JsonObject> Arm => MainBicep.Arm;

    [Fact]
    public void Sample_and_bicep_hold_exactly_the_settings_the_code_reads()
    {
        var expected = ExpectedSettings();
        var expectedLocal = expected.Where(s => s.Where != Where.AzureOnly).Select(s => s.Name).ToHashSet();
        var expectedAzure = expected.Where(s => s.Where != Where.LocalOnly).Select(s => s.Name).ToHashSet();

        var differences = new List<string>();
        differences.AddRange(Compare("local.settings.sample.json Values", expectedLocal, SampleValues().Keys.ToHashSet()));
        differences.AddRange(Compare("infra/main.bicep appSettings", expectedAzure, BicepAppSettings().Keys.ToHashSet()));

        Assert.True(differences.Count == 0,
            "Settings differ (add the key, or list it in SettingsParityTests with a reason):\n  " + string.Join("\n  ", differences));
    }

    [Fact]
    public void Every_setting_exception_names_a_setting_the_code_reads()
    {
        var read = CodeSettings().ToHashSet();
        var stale = CodeExceptions.Select(s => s.Name)
            .Concat(Secrets)
            .Concat(SampleValueExceptions.Keys)
            .Concat(AzureValueExceptions.Keys)
            .Where(name => !read.Contains(name))
            .Distinct()
            .ToList();

        Assert.True(stale.Count == 0, "Listed as exceptions but not read by the code: " + string.Join(", ", stale));
        var readAfterAll = HostOnly.Select(s => s.Name).Where(read.Contains).ToList();
        Assert.True(readAfterAll.Count == 0, "Listed as host-only but read by the code: " + string.Join(", ", readAfterAll));
    }

    [Fact]
    public void Secrets_are_key_vault_references_in_azure()
    {
        var settings = BicepAppSettings();
        var plain = Secrets.Where(name => !settings.TryGetValue(name, out var value) || !IsKeyVaultReference(value)).ToList();

        Assert.True(plain.Count == 0,
            "Not a @Microsoft.KeyVault(...) reference in infra/main.bicep: " + string.Join(", ", plain));
    }

    [Fact]
    public void Settings_named_like_secrets_are_key_vault_references_or_local_only()
    {
        var localOnly = CodeExceptions.Where(s => s.Where == Where.LocalOnly).Select(s => s.Name).ToHashSet();
        var unguarded = OptionsSettings().Select(s => s.Name)
            .Where(name => name.EndsWith("Token", StringComparison.Ordinal) || name.EndsWith("Password", StringComparison.Ordinal)
                || name.EndsWith("Secret", StringComparison.Ordinal) || name.EndsWith("Key", StringComparison.Ordinal))
            .Where(name => !Secrets.Contains(name) && !localOnly.Contains(name))
            .ToList();

        Assert.True(unguarded.Count == 0, "Looks secret but is neither in Secrets nor local-only: " + string.Join(", ", unguarded));
    }

    [Fact]
    public void Tuning_values_in_the_sample_and_the_bicep_are_the_code_defaults_unless_listed()
    {
        var sample = SampleValues();
        var azure = BicepAppSettings();
        var parameters = Arm.Value["parameters"]!.AsObject();
        var differences = new List<string>();

        foreach (var (name, codeDefault) in OptionsSettings())
        {
            if (!SampleValueExceptions.ContainsKey(name) && sample.TryGetValue(name, out var local) && local != codeDefault)
            {
                differences.Add($"{name}: sample has \"{local}\", the code's default is \"{codeDefault}\"");
            }
            if (!AzureValueExceptions.ContainsKey(name) && azure.TryGetValue(name, out var arm)
                && StaticValue(arm, parameters) is { } deployed && deployed != codeDefault)
            {
                differences.Add($"{name}: main.bicep sets \"{deployed}\", the code's default is \"{codeDefault}\"");
            }
        }

        Assert.True(differences.Count == 0, "Values differ from the code's defaults:\n  " + string.Join("\n  ", differences));
    }

    [Fact]
    public void Twilio_goes_to_the_sandbox_locally_and_to_twilio_in_azure()
    {
        Assert.Equal("http://localhost:7072", SampleValues()["Twilio__BaseUrl"]);
        Assert.Equal("", BicepAppSettings()["Twilio__BaseUrl"]);
    }

    [Fact]
    public void Solapi_goes_to_the_sandbox_locally_and_to_solapi_in_azure()
    {
        Assert.Equal("http://localhost:7073", SampleValues()["Solapi__BaseUrl"]);
        Assert.Equal("", BicepAppSettings()["Solapi__BaseUrl"]);
    }

    [Fact]
    public void Sweep_schedule_the_timer_trigger_names_is_set_in_azure()
    {
        // The timer trigger's schedule is %Notify:SweepSchedule%: the host does not start without it.
        Assert.Contains("Notify__SweepSchedule", BicepAppSettings().Keys);
        Assert.Contains("Notify__SweepSchedule", SampleValues().Keys);
    }

    [Fact]
    public void The_options_classes_found_are_exactly_those_the_app_binds_under_their_sections()
    {
        var configuration = new RecordingConfiguration();
        var services = new ServiceCollection().AddNotify(new ConfigurationBuilder().Add(configuration).Build());
        var bound = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>)
                && d.ImplementationInstance?.GetType() is { IsGenericType: true } implementation
                && implementation.GetGenericTypeDefinition() == typeof(NamedConfigureFromConfigurationOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly == typeof(NotifyOptions).Assembly)
            .Distinct()
            .ToList();

        Assert.Equal(OptionsClasses().Select(t => t.FullName).Order(), bound.Select(t => t.FullName).Order());

        using var provider = services.BuildServiceProvider();
        foreach (var type in bound)
        {
            configuration.Reads.Clear();
            _ = ((IOptions<object>)Activator.CreateInstance(typeof(OptionsAdapter<>).MakeGenericType(type), provider)!).Value;
            Assert.Equal([Section(type)], configuration.Reads.Select(path => path.Split(':')[0]).Distinct());
        }
    }

    [Fact]
    public void Sample_values_bind_to_the_options_their_keys_name()
    {
        var sample = SampleValues();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sample.Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), (string?)kv.Value)))
            .Build();
        using var provider = new ServiceCollection().AddNotify(configuration).BuildServiceProvider();
        var differences = new List<string>();

        foreach (var type in OptionsClasses())
        {
            var options = ((IOptions<object>)Activator.CreateInstance(typeof(OptionsAdapter<>).MakeGenericType(type), provider)!).Value;
            foreach (var property in SettableProperties(type))
            {
                var name = $"{Section(type)}__{property.Name}";
                if (sample.TryGetValue(name, out var text) && Format(property.GetValue(options)) != text)
                {
                    differences.Add($"{name} = \"{text}\" binds as \"{Format(property.GetValue(options))}\"");
                }
            }
        }

        Assert.True(differences.Count == 0, "Sample values that do not bind as written:\n  " + string.Join("\n  ", differences));
    }

    // ---- the three lists -----------------------------------------------------------------------------------

    /// <summary>Every class in Notify.Core's Notify.Configuration namespace with a <c>public const string Section</c>.</summary>
    private static List<Type> OptionsClasses() =>
        typeof(NotifyOptions).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(NotifyOptions).Namespace && t.IsClass && SectionField(t) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    private static FieldInfo? SectionField(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.FieldType == typeof(string)
            ? field
            : null;

    private static string Section(Type type) => (string)SectionField(type)!.GetRawConstantValue()!;

    private static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>(a) without storage: <c>{Section}__{Property}</c> with the code's default, formatted as a setting.</summary>
    private static List<(string Name, string Default)> OptionsSettings() =>
        OptionsClasses()
            .SelectMany(type =>
            {
                var defaults = Activator.CreateInstance(type);
                return SettableProperties(type).Select(p => ($"{Section(type)}__{p.Name}", Format(p.GetValue(defaults))));
            })
            .ToList();

    /// <summary>(a) the settings the code reads: the options, and both forms of the storage connection.</summary>
    private static IEnumerable<string> CodeSettings() =>
        OptionsSettings().Select(s => s.Name)
            .Append(StorageClients.ConnectionName)
            .Concat(new[] { "tableServiceUri", "queueServiceUri", "credential", "clientId" }.Select(k => $"{StorageClients.ConnectionName}__{k}"));

    /// <summary>(a) placed: where each setting belongs, exceptions applied, host-only settings added.</summary>
    private static List<Setting> ExpectedSettings()
    {
        var exceptions = CodeExceptions.ToDictionary(s => s.Name);
        return CodeSettings()
            .Select(name => exceptions.TryGetValue(name, out var exception) ? exception : new Setting(name, Where.Both))
            .Concat(HostOnly)
            .ToList();
    }

    /// <summary>(b) local.settings.sample.json <c>Values</c>.</summary>
    private static Dictionary<string, string> SampleValues()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "local.settings.sample.json")))!;
        return json["Values"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
    }

    /// <summary>(c) the app settings main.bicep sets, as ARM values (literals or <c>[expressions]</c>).</summary>
    private static Dictionary<string, string> BicepAppSettings()
    {
        var resources = Arm.Value["resources"]!;
        var all = resources is JsonObject symbolic ? symbolic.Select(kv => kv.Value!) : resources.AsArray().Select(r => r!);
        var config = all.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Web/sites/config"
            && r["name"]!.GetValue<string>().Contains("'appsettings'", StringComparison.Ordinal));
        var properties = config["properties"]!;
        if (properties is JsonValue reference)
        {
            // An expression over the variable: the variable keeps the literal object.
            var variable = reference.GetValue<string>();
            const string prefix = "[variables('";
            Assert.StartsWith(prefix, variable);
            properties = Arm.Value["variables"]![variable[prefix.Length..variable.IndexOf('\'', prefix.Length)]]!;
        }
        return properties.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static IEnumerable<string> Compare(string where, HashSet<string> expected, HashSet<string> actual) =>
        expected.Except(actual).Order(StringComparer.Ordinal).Select(name => $"missing from {where}: {name}")
            .Concat(actual.Except(expected).Order(StringComparer.Ordinal).Select(name => $"in {where} but read by nobody: {name}"));

    private static bool IsKeyVaultReference(string armValue)
    {
        const string keyVault = "@Microsoft.KeyVault(";
        if (armValue.StartsWith(keyVault, StringComparison.Ordinal))
        {
            return armValue.EndsWith(')');
        }
        // Interpolated in Bicep, it compiles to [format('@Microsoft.KeyVault(SecretUri={0}...)', ...)].
        const string format = "[format('";
        if (!armValue.StartsWith(format, StringComparison.Ordinal))
        {
            return false;
        }
        var template = armValue[format.Length..armValue.IndexOf('\'', format.Length)];
        return template.StartsWith(keyVault + "SecretUri=", StringComparison.Ordinal) && template.EndsWith(')');
    }

    /// <summary>A literal, or the default of the parameter a plain <c>[parameters('x')]</c> names; null for other expressions.</summary>
    private static string? StaticValue(string armValue, JsonObject parameters)
    {
        if (!armValue.StartsWith('['))
        {
            return armValue;
        }
        foreach (var (prefix, suffix) in new[] { ("[parameters('", "')]"), ("[string(parameters('", "'))]") })
        {
            if (armValue.StartsWith(prefix, StringComparison.Ordinal) && armValue.EndsWith(suffix, StringComparison.Ordinal))
            {
                var name = armValue[prefix.Length..^suffix.Length];
                return parameters[name]?["defaultValue"] is JsonValue value ? value.ToString() : null;
            }
        }
        return null;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Reads <see cref="IOptions{T}"/> for a type known only at run time.</summary>
    private sealed class OptionsAdapter<T>(IServiceProvider provider) : IOptions<object> where T : class
    {
        public object Value => provider.GetRequiredService<IOptions<T>>().Value;
    }

    /// <summary>An empty configuration that records which keys and sections are read.</summary>
    private sealed class RecordingConfiguration : ConfigurationProvider, IConfigurationSource
    {
        public List<string> Reads { get; } = [];

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
            {
                Reads.Add(parentPath);
            }
            return base.GetChildKeys(earlierKeys, parentPath);
        }

        public override bool TryGet(string key, out string? value)
        {
            Reads.Add(key);
            return base.TryGet(key, out value);
        }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
    }
}
