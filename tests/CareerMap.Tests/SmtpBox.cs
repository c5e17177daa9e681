using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CareerMap.Tests;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer library, speaking the protocol over TCP as any mail server
/// would), keeping what it accepts. It can be stopped and started again on the same port, and told to drop the
/// connection in the middle of the next message, as a server going down does.
/// </summary>
public sealed class SmtpBox : IAsyncDisposable
{
    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    /// <summary>The next message's DATA is cut off: the server stops before it answers, and the message is not kept.</summary>
    public bool DropNext { get; set; }
    CancellationTokenSource? running;
    Task? serving;

    public static async Task<SmtpBox> StartAsync()
    {
        var box = new SmtpBox();
        await box.StartAgainAsync();
        return box;
    }

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"the SMTP server did not start on port {Port}");
    }

    public async Task StopAsync()
    {
        if (running is null) return;
        await running.CancelAsync();
        try { await serving!; } catch (OperationCanceledException) { }
        running.Dispose();
        running = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    sealed class Store(SmtpBox box) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (box.DropNext)
            {
                box.DropNext = false;
                // Down before the 250: the sender has written the whole message and never hears it was taken.
                await box.running!.CancelAsync();
                throw new OperationCanceledException("the server went down mid-message");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            box.Received.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
