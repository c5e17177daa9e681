using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareerMap.Tests.Support;

/// <summary>
/// Counts the commands EF Core sends to each test database (told apart by data source and database name, since tests
/// run side by side in one process), so a test can pin how many round trips a request costs.
/// </summary>
public static class DatabaseCommands
{
    static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Texts = new();
    static int subscribed;

    static string KeyOf(DbConnection connection) => $"{connection.DataSource}|{connection.Database}";

    /// <summary>Runs the request and returns the commands it sent to this app's database, in order.</summary>
    public static async Task<IReadOnlyList<string>> DuringAsync(TestApp app, Func<Task> request)
    {
        Subscribe();
        var key = await app.WithDbAsync(db => Task.FromResult(KeyOf(db.Database.GetDbConnection())));
        var texts = Texts.GetOrAdd(key, _ => new());
        texts.Clear();
        await request();
        return [.. texts];
    }

    static void Subscribe()
    {
        if (Interlocked.Exchange(ref subscribed, 1) == 1) return;
        DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
                listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData { Command.Connection: { } connection } data
                        && Texts.TryGetValue(KeyOf(connection), out var texts))
                        texts.Enqueue(data.Command.CommandText);
                }));
        }));
    }

    sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
