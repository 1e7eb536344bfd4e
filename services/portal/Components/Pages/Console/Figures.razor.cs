using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Talent.Portal.Apis;
using Talent.Portal.Components.Pages.Cases;
using Talent.Portal.Components.Shared;
using Talent.Portal.Console;

namespace Talent.Portal.Components.Pages.Console;

/// <summary>
/// The operators' figures for a period of months: case timeliness by lead department and by service (applications),
/// ratings with departments ranked, by month and by service (feedback's published figures), and demand analysis (the
/// keywords people raise, and their trend). Each chart is followed by its table and a CSV link. A wrong month is said
/// beside its field and nothing is fetched.
/// </summary>
public partial class Figures : PortalPage
{
    [Inject] private IStringLocalizer<ConsoleStrings> C { get; set; } = default!;
    [Inject] private IStringLocalizer<Strings> L { get; set; } = default!;
    [Inject] private FiguresApi FiguresApi { get; set; } = default!;
    [Inject] private CatalogueApi Catalogue { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] private string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")] private string? ToQuery { get; set; }

    private FiguresPeriod Period = new(default, default);
    private Dictionary<string, string> Errors = [];
    private CaseFigures? Cases;
    private SatisfactionFigures? Satisfaction;
    private DemandAnalysis? Demand;
    private Func<string?, string> DepartmentName = code => code ?? "";
    private readonly Dictionary<string, string> ItemTitles = new(StringComparer.Ordinal);

    private string ItemName(string code) => ItemTitles.GetValueOrDefault(code) ?? code;

    private string Percent(double? rate) => FigureText.Percent(rate, C);

    protected override async Task OnInitializedAsync()
    {
        (Period, Errors) = FiguresPeriod.Read(FromQuery, ToQuery, Time.GetUtcNow(), key => C[key]);
        if (Errors.Count > 0)
        {
            return;
        }

        var ct = CancellationToken.None;
        // One after the other: the first call may refresh the person's token, which must happen once.
        var cases = await FiguresApi.CasesAsync(Period.From, Period.To, ct);
        if (cases.SignInRequired)
        {
            SignInAgain();
            return;
        }

        Cases = cases.Value;
        Satisfaction = (await FiguresApi.SatisfactionAsync(Period.From, Period.To, 100, ct)).Value;
        Demand = (await FiguresApi.AnalysisAsync(Period.From, Period.To, 30, ct)).Value;
        DepartmentName = await CaseText.DepartmentNamesAsync(Catalogue, ct);
        // The directory's titles for the services' codes, fifty a page (the catalogue's most), a few pages at most.
        for (var page = 1; page <= 20; page++)
        {
            var items = (await Catalogue.SearchAsync(new SearchQuery(null, [], null, [], page, 50), ct)).Value;
            foreach (var item in items?.Items ?? [])
            {
                ItemTitles[item.Code] = Text.Pick(item.TitleZh, item.TitleEn);
            }

            if (items is null || page * 50 >= items.Total)
            {
                break;
            }
        }
    }
}
