using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>
/// Found by CI: a producer's episode showed "Saturday, 12 December 2026" on a Dutch page after a change. A change
/// arrives on a journal writer's thread, which carries the culture of whoever started that writer (a background
/// service: none), and the page rendered in it. A staff page renders every change in its circuit's culture.
/// </summary>
public sealed class CircuitCultureTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task AChangeFromAWriterInAnotherCulture_RendersInThePagesCulture()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            await using var context = StaffBunit.Context(_app);
            var page = context.Render<CultureProbe>(p => p.Add(c => c.EventId, finale.Id));
            Assert.Equal("nl-NL zaterdag 1,5", page.Find("#probe").TextContent);

            // A command from a thread without the page's culture (a background service, another node's writer).
            await Task.Run(async () =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                await TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.OpenJudging(s.Teams[0].Id)));
            });

            page.WaitForAssertion(() => Assert.True(page.Instance.ChangeRenders > 0));
            Assert.Equal("nl-NL zaterdag 1,5", page.Find("#probe").TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public void Dispose() => _app.Dispose();

    /// <summary>A live staff page that shows its culture, a weekday and a decimal number.</summary>
    private sealed class CultureProbe : LiveStaffPage
    {
        [Microsoft.AspNetCore.Components.Parameter]
        public Guid EventId { get; set; }

        protected override Guid WatchedEventId => EventId;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "id", "probe");
            builder.AddContent(2, string.Create(CultureInfo.CurrentCulture, $"{CultureInfo.CurrentCulture.Name} {new DateTime(2026, 12, 12):dddd} {1.5m}"));
            builder.CloseElement();
        }
    }
}
