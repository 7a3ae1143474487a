namespace Notify.KakaoSandbox.Modes;

/// <summary>The modes in force: one for every destination, overridden per destination (keys in E.164).</summary>
internal sealed class ModeBoard
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ModeRule> _destinations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refused = new(StringComparer.Ordinal);
    private ModeRule _all = ModeRule.Normal;

    public ModeRule For(string to)
    {
        lock (_gate)
        {
            return _destinations.GetValueOrDefault(to, _all);
        }
    }

    /// <summary>Sets the rule for one destination, or for all; "normal" for all resets everything.</summary>
    public void Set(string? to, ModeRule rule)
    {
        lock (_gate)
        {
            if (to is not null)
            {
                _destinations[to] = rule;
            }
            else if (rule.Mode == SandboxMode.Normal)
            {
                _all = ModeRule.Normal;
                _destinations.Clear();
                _refused.Clear();
            }
            else
            {
                _all = rule;
            }
        }
    }

    public void CountRefusal(string to)
    {
        lock (_gate)
        {
            _refused[to] = _refused.GetValueOrDefault(to) + 1;
        }
    }

    public ModeBoardView View()
    {
        lock (_gate)
        {
            return new(
                _all.ToView(),
                _destinations.ToDictionary(d => d.Key, d => d.Value.ToView(), StringComparer.Ordinal),
                new Dictionary<string, int>(_refused, StringComparer.Ordinal));
        }
    }
}
