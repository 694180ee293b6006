namespace MultiLabel.Cli.Output;

/// <summary>Turns the first Ctrl-C into a cancellation the running command can finish cleanly on; a second one ends the process.</summary>
internal static class Interrupt
{
    private static readonly CancellationTokenSource Source = CreateSource();

    public static CancellationToken Token => Source.Token;

    private static CancellationTokenSource CreateSource()
    {
        var source = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (source.IsCancellationRequested) return;
            e.Cancel = true;
            Console.Error.WriteLine("Interrupted: finishing the current step (Ctrl-C again to abort at once)...");
            source.Cancel();
        };
        return source;
    }
}
