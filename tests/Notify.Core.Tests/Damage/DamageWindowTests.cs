using Notify.Damage;

namespace Notify.Core.Tests.Damage;

public sealed class DamageWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void To_defaults_to_now()
    {
        Assert.Equal(new DamageWindow(Now.AddDays(-1), Now), DamageWindow.Parse("2026-11-30T00:00:00Z", null, Now).Value);
    }

    [Theory]
    [InlineData("2026-11-30T00:00:00Z", "2026-11-29T00:00:00Z", "to")]
    [InlineData("2026-08-01T00:00:00Z", "2026-11-01T00:00:01Z", "to")]
    [InlineData("0900-01-01T00:00:00Z", "2026-11-01T00:00:00Z", "from")]
    [InlineData(null, "2026-11-01T00:00:00Z", "from")]
    public void Bad_windows_are_422s_naming_the_field(string? from, string to, string field)
    {
        var problem = DamageWindow.Parse(from, to, Now).Problem;

        Assert.Equal(422, problem!.Status);
        Assert.True(problem.Errors!.ContainsKey(field));
    }
}
