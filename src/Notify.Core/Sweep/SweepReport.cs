namespace Notify.Sweep;

/// <summary>What one sweep did.</summary>
/// <param name="Read">Deadline rows the sweep read.</param>
/// <param name="Claimed">Rows it claimed (the rest another sweep had).</param>
/// <param name="Rerouted">Stalled attempts moved to the next channel.</param>
/// <param name="FannedOut">Accepted orders that had not been planned and now are, or whose first send intake could not enqueue and now is.</param>
/// <param name="Alerted">Merchant alerts sent for exhausted deliveries.</param>
/// <param name="Polled">KakaoTalk results asked of SOLAPI that moved a delivery (confirmed or failed it).</param>
/// <param name="FromDown">Deliveries waiting for a receipt from a channel that is down, moved on before their deadline.</param>
public sealed record SweepReport(int Read, int Claimed, int Rerouted, int FannedOut, int Alerted, int Polled = 0, int FromDown = 0);
