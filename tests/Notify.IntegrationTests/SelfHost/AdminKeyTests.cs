using Notify.SelfHost;
using Notify.SelfHost.Http;

namespace Notify.IntegrationTests.SelfHost;

/// <summary>The self-host's operator key: one of the operator's own, compared without telling its length.</summary>
public sealed class AdminKeyTests
{
    [Theory]
    [InlineData("change-me-local-admin-key")]
    [InlineData("")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kvnotifyabc.vault.azure.net/secrets/admin-key/)")]
    public void Self_host_refuses_to_start_without_a_key_of_its_own(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NotifySelfHost.Build(
            ["--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage=UseDevelopmentStorage=true", $"--Notify:AdminKey={key}"]));

        Assert.Contains("Notify:AdminKey", error.Message);
        if (key.Length > 0)
        {
            Assert.DoesNotContain(key, error.Message);
        }
    }

    [Theory]
    [InlineData("operator-key-0123456789", true)]
    [InlineData("operator-key-012345678", false)]
    [InlineData("operator-key-0123456789-and-more", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_exact_key_matches(string? given, bool matches)
    {
        Assert.Equal(matches, AdminKey.Matches(given, "operator-key-0123456789"));
    }
}
