using Notify.IntegrationTests.Support;
using Notify.LocalParts;

namespace Notify.IntegrationTests.Configuration;

/// <summary>What infra/main.bicep closes, read from the ARM JSON it compiles to, and what the runbooks hand out.</summary>
public sealed class InfraSecurityTests
{
    [Fact]
    public void Storage_accepts_only_the_apps_subnet_and_no_shared_keys()
    {
        var properties = MainBicep.Resource("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.Equal("Deny", properties["networkAcls"]!["defaultAction"]!.GetValue<string>());
        Assert.Single(properties["networkAcls"]!["virtualNetworkRules"]!.AsArray());
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public void Key_vault_is_purge_protected_and_accepts_only_the_apps_subnet()
    {
        var properties = MainBicep.Resource("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True(properties["enablePurgeProtection"]!.GetValue<bool>());
        Assert.Equal("Deny", properties["networkAcls"]!["defaultAction"]!.GetValue<string>());
        Assert.Equal("None", properties["networkAcls"]!["bypass"]!.GetValue<string>());
        Assert.Single(properties["networkAcls"]!["virtualNetworkRules"]!.AsArray());
    }

    [Fact]
    public void App_leaves_through_the_subnet_and_publishes_without_ftp_or_basic_auth()
    {
        var properties = MainBicep.Resource("Microsoft.Web/sites")["properties"]!;

        Assert.NotNull(properties["virtualNetworkSubnetId"]);
        Assert.Equal("Disabled", properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
        foreach (var policy in new[] { "'ftp'", "'scm'" })
        {
            var resource = MainBicep.Resource("Microsoft.Web/sites/basicPublishingCredentialsPolicies", policy);
            Assert.False(resource["properties"]!["allow"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/DEPLOY.md")]
    public void Runbooks_never_hand_out_the_master_key_or_table_reads(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Path, file));

        Assert.DoesNotContain("masterKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Storage Table Data Reader", text);
        Assert.Contains("--key-name operator", text);
    }
}
