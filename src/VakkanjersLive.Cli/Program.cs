namespace VakkanjersLive.Cli;

/// <summary>The process entry point; everything else is in <see cref="CommandLine"/> so tests can run it in-process.</summary>
public static class Program
{
    public static int Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
}
