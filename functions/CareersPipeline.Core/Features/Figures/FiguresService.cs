using System.Globalization;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// The dashboard for a period: a range read of the live figures (a few rows a week), published through
/// <see cref="FiguresTables"/>. Who may see it is the HTTP layer's check (admins and programme leads; docs/metrics.md).
/// </summary>
public sealed class FiguresService(FiguresStore store, TimeProvider time)
{
    /// <summary>The longest period one request may cover: five years of weeks.</summary>
    public const int MaxDays = 5 * 366;

    public async Task<FiguresDashboard> DashboardAsync(FiguresPeriod period, CancellationToken cancellationToken) =>
        FiguresTables.Build(await store.ReadAsync(FiguresStore.Live, period.FromWeek, period.ToWeek, cancellationToken), period);

    /// <summary>The period from the filter's "from" and "to" (yyyy-MM-dd); by default the last 52 weeks to today.</summary>
    public Result<FiguresPeriod> Period(string? from, string? to)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>();
        var end = Parse(to, "to", today, errors);
        var start = Parse(from, "from", end.AddDays(-7 * 52 + 1), errors);
        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["The start date must be on or before the end date"];
        }
        else if (errors.Count == 0 && end.DayNumber - start.DayNumber > MaxDays)
        {
            errors["from"] = ["Choose a period of at most five years"];
        }

        return errors.Count > 0 ? new Result<FiguresPeriod>.Invalid(errors) : new Result<FiguresPeriod>.Ok(new FiguresPeriod(start, end));
    }

    private static DateOnly Parse(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"Enter the {(field == "from" ? "start" : "end")} date as a real date, for example 2026-03-31"];
        return fallback;
    }
}
