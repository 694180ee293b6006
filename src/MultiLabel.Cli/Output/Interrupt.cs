using System.Runtime.InteropServices;

namespace MultiLabel.Cli.Output;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation the running command finishes cleanly
/// on — training completes its step and saves last.ckpt; a second Ctrl-C ends the process at once.
/// </summary>
internal static class Interrupt
{
    private static readonly CancellationTokenSource Source = new();
    private static readonly PosixSignalRegistration[] Registrations =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
    ];

    public static CancellationToken Token => Source.Token;

    private static void Handle(PosixSignalContext context)
    {
        if (Source.IsCancellationRequested) return; // a second signal: let the default handling end the process
        context.Cancel = true;
        Console.Error.WriteLine($"{(context.Signal == PosixSignal.SIGTERM ? "Terminating" : "Interrupted")}: finishing what is under way (Ctrl-C again to stop at once)…");
        Source.Cancel();
    }
}
