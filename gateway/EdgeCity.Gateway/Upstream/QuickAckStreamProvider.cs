using System.Net;
using System.Net.Sockets;
using MQTTnet.Channel;

namespace EdgeCity.Gateway.Upstream;

/// <summary>
/// Opens the TCP connection to the city's broker for MQTTnet (Nagle off) with a stream that acknowledges what
/// the broker sends at once (Linux <c>TCP_QUICKACK</c>, re-armed after every read: the kernel drops back to
/// delayed acknowledgements by itself).
/// </summary>
/// <remarks>
/// Why: a broker that leaves Nagle's algorithm on — Mosquitto does unless <c>set_tcp_nodelay true</c> — holds each
/// small PUBACK until the previous one is acknowledged, and Linux delays that acknowledgement up to 40 ms when the
/// gateway has nothing to send back, which is exactly when its window of unconfirmed batches is full. Measured in
/// <c>bench gateway</c> (Mosquitto with its defaults as the city broker): batch round trips bunched at 35–45 ms,
/// whole windows completing together after ~40 ms, and the pump reading late while they did. The gateway cannot
/// change the city's broker; acknowledging at once removes the wait from its side. Elsewhere than Linux the
/// option is not set and the stream is a plain <see cref="NetworkStream"/>.
/// </remarks>
public sealed class QuickAckStreamProvider : IMqttClientStreamProvider
{
    /// <inheritdoc />
    public async Task<Stream> ConnectAsync(EndPoint brokerEndPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(brokerEndPoint, cancellationToken).ConfigureAwait(false);
            return new QuickAckStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A <see cref="NetworkStream"/> owning its socket that re-arms quick acknowledgements after each read.</summary>
    private sealed class QuickAckStream : NetworkStream
    {
        // Linux: IPPROTO_TCP (6), TCP_QUICKACK (12).
        private const int TcpQuickAck = 12;
        private static readonly bool Supported = OperatingSystem.IsLinux();

        public QuickAckStream(Socket socket)
            : base(socket, ownsSocket: true)
        {
            Arm();
        }

        public override int Read(byte[] buffer, int offset, int count) => Armed(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Armed(base.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Armed(await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Armed(int read)
        {
            Arm();
            return read;
        }

        private void Arm()
        {
            if (!Supported)
            {
                return;
            }

            try
            {
                Socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpQuickAck, [1, 0, 0, 0]);
            }
            catch (SocketException)
            {
                // The connection is closing: the next read reports it.
            }
            catch (ObjectDisposedException)
            {
                // Disposed while a read completed.
            }
        }
    }
}
