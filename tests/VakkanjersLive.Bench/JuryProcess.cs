using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VakkanjersLive.Bench;

/// <summary>
/// The jury in a process of its own, as the judges' tablets are devices of their own: a judge's submit is timed
/// without waiting in the generator's thread pool behind thousands of viewers' receive loops (which would measure
/// the generator, not the server). The child (<c>jury</c>) reads the target from <see cref="TargetVariable"/>,
/// signs every judge in, prints <c>ready</c>, waits for <c>go</c> on stdin, scores (<see cref="Jury.ScoreAsync"/>),
/// prints <c>ack MS</c> per acknowledged card and <c>refused</c> per refusal, then <c>done</c>.
/// </summary>
internal static class JuryProcess
{
    private const string TargetVariable = "VKL_BENCH_TARGET";

    /// <summary>The child's side.</summary>
    public static async Task RunChildAsync(int teams, int seconds)
    {
        var target = JsonSerializer.Deserialize<TargetDescription>(Environment.GetEnvironmentVariable(TargetVariable)!)!;
        var jury = await Jury.SignInAsync(target);
        Console.WriteLine("ready");
        if (Console.ReadLine() != "go")
        {
            return;
        }

        var sends = await jury.ScoreAsync(teams, seconds);
        foreach (var ack in sends.Acks)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {ack:F2}"));
        }

        for (var i = 0; i < sends.Refused; i++)
        {
            Console.WriteLine("refused");
        }

        Console.WriteLine("done");
    }

    /// <summary>Starts the child and waits until every judge is signed in; <see cref="Started.ScoreAsync"/> runs the scoring.</summary>
    public static async Task<Started> StartAsync(TargetDescription target, int teams, int seconds)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "jury", teams.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[TargetVariable] = JsonSerializer.Serialize(target);
        var process = Process.Start(start)!;
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (ready != "ready")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The jury process did not sign in: '{ready}'.");
        }

        return new Started(process);
    }

    internal sealed class Started(Process process) : IDisposable
    {
        public async Task<Sends> ScoreAsync()
        {
            await process.StandardInput.WriteLineAsync("go");
            await process.StandardInput.FlushAsync();
            var sends = new Sends();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line && line != "done")
            {
                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    sends.Acks.Add(double.Parse(line[4..], CultureInfo.InvariantCulture));
                }
                else if (line == "refused")
                {
                    sends.Refuse();
                }
            }

            sends.Sent = sends.Acks.Count + sends.Refused;
            return sends;
        }

        public void Dispose()
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
