namespace CareerMap.JobDescriptions;

static class Background
{
    /// <summary>
    /// Loads a model on a thread of its own: on two cores the pool starts with two threads, and a third load queued
    /// behind the first two waited for them (a cold `careermap jd parse` waited on its own thread for what it asked for early).
    /// </summary>
    public static void Load<T>(Lazy<T> model) =>
        _ = Task.Factory.StartNew(() => model.Value, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
