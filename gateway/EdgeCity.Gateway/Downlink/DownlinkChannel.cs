using EdgeCity.Firmware.Uplink;

namespace EdgeCity.Gateway.Downlink;

/// <summary>
/// The gateway-to-board channels, each one retained topic <c>edgecity/{board}/down/{channel}</c>
/// (<see cref="BoardTopics"/>): the latest message on a channel replaces the previous one, and a board that
/// was asleep when it was sent gets it when it next connects.
/// </summary>
public static class DownlinkChannel
{
    /// <summary>The board's signed, versioned configuration.</summary>
    public const string Config = "config";

    /// <summary>Service hours and similar schedules.</summary>
    public const string Schedule = "schedule";

    /// <summary>A numbered command, e.g. recalibrate; the board runs each number once.</summary>
    public const string Command = "command";

    /// <summary>Every channel, for validation and error messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Config, Schedule, Command];

    /// <summary>True when <paramref name="channel"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string channel) => All.Contains(channel, StringComparer.Ordinal);

    /// <summary>The retained topic of <paramref name="channel"/> for board <paramref name="boardId"/>.</summary>
    public static string Topic(string boardId, string channel) =>
        BoardTopics.Root + boardId + "/" + BoardTopics.DownlinkLevel + channel;
}
