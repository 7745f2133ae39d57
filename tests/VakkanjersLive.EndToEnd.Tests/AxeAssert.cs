using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace VakkanjersLive.EndToEnd.Tests;

/// <summary>
/// Runs axe-core on pages as they are at that moment, limited to WCAG 2.0/2.1 A and AA (what schools must meet), and
/// collects what it finds, so one failing run lists every page's violations: rule, impact, what to fix and where.
/// </summary>
internal sealed class AxeReport
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private const int MaxNodesPerRule = 8;

    private readonly StringBuilder _violations = new();
    private int _checked;

    public async Task CheckAsync(IPage page, string state)
    {
        var result = await page.RunAxe(WcagAA);
        _checked++;
        if (result.Violations.Length == 0)
        {
            return;
        }

        _violations.AppendLine().Append($"On {state} ({page.Url}):");
        foreach (var violation in result.Violations)
        {
            _violations.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes.Take(MaxNodesPerRule))
            {
                _violations.AppendLine().Append($"    at {node.Target} {Shorten(node.Html)}: {Failures(node)}");
            }

            if (violation.Nodes.Length > MaxNodesPerRule)
            {
                _violations.AppendLine().Append($"    and {violation.Nodes.Length - MaxNodesPerRule} more like these");
            }
        }
    }

    public void AssertClean()
    {
        Assert.True(_checked > 0, "No page was checked.");
        Assert.True(_violations.Length == 0, $"WCAG 2.1 AA violations:{_violations}");
    }

    private static string Shorten(string html) => html.Length <= 120 ? html : html[..117] + "...";

    // axe's own reading: every "all" and "none" check must pass, and at least one of the "any" checks.
    private static string Failures(AxeResultNode node) =>
        string.Join("; ", node.All.Concat(node.None).Select(c => c.Message)
            .Concat(node.Any.Length > 0 ? ["fix one of: " + string.Join(" | ", node.Any.Select(c => c.Message))] : []));
}
