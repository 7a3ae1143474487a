using System.Diagnostics;

namespace Notify.IntegrationTests.Support;

/// <summary>An app whose storage can be made unreachable (Azurite paused with SIGSTOP) and brought back (SIGCONT).</summary>
public sealed class OutageApp : NotifyApp
{
    /// <inheritdoc />
    // Orders stored while the queue was unreachable are fanned out by the sweep, sends cut off mid-way are settled by it;
    // short timings keep the test short.
    protected override IEnumerable<string> Settings =>
        ["--Notify:FanOutTimeout=00:00:03", "--Notify:SendPickupTimeout=00:00:10", "--Notify:SweepSchedule=*/2 * * * * *"];

    /// <summary>Stops Azurite where it stands: connections stay open and nothing answers, as with a storage outage.</summary>
    public void PauseStorage() => Signal("STOP");

    /// <summary>Lets Azurite run again, with every write it acknowledged intact (killing it would lose unsaved writes).</summary>
    public void ResumeStorage() => Signal("CONT");

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        ResumeStorage();
        await base.DisposeAsync();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, AzuriteProcessId.ToString()]))!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {AzuriteProcessId} failed.");
        }
    }
}

/// <summary>Tests that pause their own app's storage.</summary>
[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "outage";
}
