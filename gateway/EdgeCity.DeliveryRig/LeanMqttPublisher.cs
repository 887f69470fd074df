using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace EdgeCity.DeliveryRig;

/// <summary>
/// The least MQTT 3.1.1 a rig board needs, over a plain socket: CONNECT (clean session, optional user name and
/// password), QoS 1 PUBLISH, wait for its PUBACK. The rig's boards are the load, not the system under test: a
/// full MQTTnet client per board cost about a third of a core at 12,000 events/s on the 2-core bench machine,
/// CPU taken from the gateway being measured. This costs one send and one receive per event and allocates
/// nothing per publish. Anything unexpected (a refused CONNECT, a closed socket, a PUBACK for another packet,
/// a timeout) throws <see cref="IOException"/>; the connection is then useless and is disposed.
/// </summary>
internal sealed class LeanMqttPublisher : IDisposable
{
    /// <summary>Seconds of silence the broker tolerates; the rig's boards never pause that long.</summary>
    private const ushort KeepAliveSeconds = 60;

    private readonly Socket _socket;
    private readonly byte[] _out = new byte[8192];
    private readonly byte[] _in = new byte[64];
    private readonly CancellationTokenSource _timeout;
    private ushort _packetId;

    private LeanMqttPublisher(Socket socket, CancellationToken stop)
    {
        _socket = socket;
        _timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
    }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> as <paramref name="clientId"/>; waits for a CONNACK that accepts.</summary>
    public static async Task<LeanMqttPublisher> ConnectAsync(string host, int port, string clientId, string? userName, string? password,
        TimeSpan timeout, CancellationToken stop)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var publisher = new LeanMqttPublisher(socket, stop);
        try
        {
            publisher._timeout.CancelAfter(timeout);
            await socket.ConnectAsync(host, port, publisher._timeout.Token).ConfigureAwait(false);
            int length = publisher.WriteConnect(clientId, userName, password);
            await socket.SendAsync(publisher._out.AsMemory(0, length), SocketFlags.None, publisher._timeout.Token).ConfigureAwait(false);
            (byte type, int bodyLength) = await publisher.ReceivePacketAsync().ConfigureAwait(false);
            if (type != 0x20 || bodyLength != 2 || publisher._in[1] != 0)
            {
                throw new IOException($"CONNACK expected for {clientId}, got packet type 0x{type:X2} with return code {publisher._in[1]}");
            }

            publisher.ResetTimeout();
            return publisher;
        }
        catch
        {
            publisher.Dispose();
            throw;
        }
    }

    /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/> with QoS 1 and returns once its PUBACK arrived.</summary>
    public async Task PublishAsync(byte[] topic, ReadOnlyMemory<byte> payload, TimeSpan timeout)
    {
        _packetId = (ushort)(_packetId == ushort.MaxValue ? 1 : _packetId + 1);
        int remaining = 2 + topic.Length + 2 + payload.Length;
        int at = 0;
        _out[at++] = 0x32; // PUBLISH, QoS 1
        at = WriteRemainingLength(remaining, at);
        if (at + remaining > _out.Length)
        {
            throw new ArgumentException($"a publish of {remaining} bytes does not fit the rig's {_out.Length}-byte buffer", nameof(payload));
        }

        at = WriteString(topic, at);
        BinaryPrimitives.WriteUInt16BigEndian(_out.AsSpan(at), _packetId);
        at += 2;
        payload.Span.CopyTo(_out.AsSpan(at));
        at += payload.Length;

        _timeout.CancelAfter(timeout);
        await _socket.SendAsync(_out.AsMemory(0, at), SocketFlags.None, _timeout.Token).ConfigureAwait(false);
        (byte type, int bodyLength) = await ReceivePacketAsync().ConfigureAwait(false);
        if (type != 0x40 || bodyLength < 2 || BinaryPrimitives.ReadUInt16BigEndian(_in) != _packetId)
        {
            throw new IOException($"PUBACK for packet {_packetId} expected, got packet type 0x{type:X2}");
        }

        ResetTimeout();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        _timeout.Dispose();
    }

    private void ResetTimeout()
    {
        if (!_timeout.TryReset())
        {
            throw new IOException("timed out");
        }
    }

    /// <summary>Reads one packet: its type nibble and flags, and its body (at most 64 bytes kept) into <see cref="_in"/>.</summary>
    private async Task<(byte Type, int BodyLength)> ReceivePacketAsync()
    {
        await ReceiveExactlyAsync(1).ConfigureAwait(false);
        byte type = (byte)(_in[0] & 0xF0);
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            await ReceiveExactlyAsync(1).ConfigureAwait(false);
            length |= (_in[0] & 0x7F) << shift;
            if ((_in[0] & 0x80) == 0)
            {
                break;
            }

            if (shift >= 21)
            {
                throw new IOException("malformed remaining length from the broker");
            }
        }

        if (length > _in.Length)
        {
            throw new IOException($"unexpected {length}-byte packet (type 0x{type:X2}) from the broker");
        }

        await ReceiveExactlyAsync(length).ConfigureAwait(false);
        return (type, length);
    }

    private async Task ReceiveExactlyAsync(int count)
    {
        int read = 0;
        while (read < count)
        {
            int n = await _socket.ReceiveAsync(_in.AsMemory(read, count - read), SocketFlags.None, _timeout.Token).ConfigureAwait(false);
            if (n == 0)
            {
                throw new IOException("the broker closed the connection");
            }

            read += n;
        }
    }

    private int WriteConnect(string clientId, string? userName, string? password)
    {
        byte[] id = Encoding.UTF8.GetBytes(clientId);
        byte[]? user = userName is null ? null : Encoding.UTF8.GetBytes(userName);
        byte[]? secret = password is null ? null : Encoding.UTF8.GetBytes(password);
        int remaining = 10 + 2 + id.Length + (user is null ? 0 : 2 + user.Length) + (secret is null ? 0 : 2 + secret.Length);
        int at = 0;
        _out[at++] = 0x10; // CONNECT
        at = WriteRemainingLength(remaining, at);
        at = WriteString("MQTT"u8.ToArray(), at);
        _out[at++] = 4; // protocol level: 3.1.1
        _out[at++] = (byte)(0x02 | (user is null ? 0 : 0x80) | (secret is null ? 0 : 0x40)); // clean session, credentials
        BinaryPrimitives.WriteUInt16BigEndian(_out.AsSpan(at), KeepAliveSeconds);
        at += 2;
        at = WriteString(id, at);
        if (user is not null)
        {
            at = WriteString(user, at);
        }

        if (secret is not null)
        {
            at = WriteString(secret, at);
        }

        return at;
    }

    private int WriteString(byte[] utf8, int at)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_out.AsSpan(at), (ushort)utf8.Length);
        utf8.CopyTo(_out, at + 2);
        return at + 2 + utf8.Length;
    }

    private int WriteRemainingLength(int value, int at)
    {
        do
        {
            byte digit = (byte)(value % 128);
            value /= 128;
            _out[at++] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (value > 0);

        return at;
    }
}
