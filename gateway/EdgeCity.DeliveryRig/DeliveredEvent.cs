namespace EdgeCity.DeliveryRig;

/// <summary>One event as it reached the city's broker.</summary>
/// <param name="BoardId">The board that sent it.</param>
/// <param name="Boot">Its boot counter.</param>
/// <param name="Sequence">Its sequence number within the boot.</param>
/// <param name="ObservedAtUnixMs">The board's timestamp: when the board published it (the rig's boards stamp send time).</param>
/// <param name="ArrivedAtUnixMs">When the recorder received it.</param>
public sealed record DeliveredEvent(string BoardId, long Boot, long Sequence, long ObservedAtUnixMs, long ArrivedAtUnixMs)
{
    /// <summary>The idempotency key, <c>board:boot:seq</c>.</summary>
    public string Key => $"{BoardId}:{Boot}:{Sequence}";

    /// <summary>Board publish to arrival at the city's broker's subscriber, in ms.</summary>
    public long EndToEndMs => ArrivedAtUnixMs - ObservedAtUnixMs;
}
