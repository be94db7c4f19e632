using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace CareersPipeline.Core.Features.NationalVacancies;

/// <summary>
/// Reads every page of the area's vacancies from the DfE API. Each request goes through the standard resilience
/// handler (retries of transient failures incl. 429 and 5xx, attempt and total timeouts, circuit breaker); a page
/// that still fails fails the whole read, so the caller never sees part of the feed.
/// </summary>
public sealed class NationalVacancyFeed(IVacanciesApi api, IOptions<NationalVacanciesOptions> options)
{
    public const string Sort = "AgeDesc";

    public async Task<FeedRead> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var vacancies = new List<ApiVacancy>();
        var totals = new HashSet<int>();
        var totalPages = 1;
        for (var pageNumber = 1; pageNumber <= totalPages; pageNumber++)
        {
            var (page, failure) = await ReadPageAsync(settings, pageNumber, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }

            if (pageNumber == 1)
            {
                totalPages = page!.TotalPages;
                if (totalPages > settings.MaxPages)
                {
                    return new FeedRead.Failed(pageNumber, $"the feed has {totalPages} pages, more than the {settings.MaxPages} allowed: check the area settings", false, null);
                }
            }

            var items = page!.Vacancies ?? [];
            vacancies.AddRange(items);
            totals.Add(page.TotalFiltered);
        }

        // The feed can change while it is paged (a vacancy withdrawn between pages shifts the rest up one place, and
        // one is never seen): then the pages' totals differ, or fewer distinct vacancies arrive than the total says.
        // Absence then proves nothing, so the import does not close vacancies for being absent that run.
        var distinct = vacancies.Select(v => v.VacancyReference).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var complete = totals.Count == 1 && totals.Single() == distinct;
        return new FeedRead.Fetched(vacancies, Math.Max(totalPages, 1), complete);
    }

    private async Task<(VacancyPage? Page, FeedRead.Failed? Failure)> ReadPageAsync(NationalVacanciesOptions settings, int pageNumber, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.SearchAsync(
                settings.ApiKey ?? string.Empty,
                settings.Latitude,
                settings.Longitude,
                settings.RadiusMiles,
                pageNumber,
                settings.PageSize,
                "true",
                Sort,
                cancellationToken);

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return (null, new FeedRead.Failed(pageNumber, "the API refused the subscription key (401): check DFE_VACANCIES_API_KEY", true, null));
            }

            if (response.IsSuccessStatusCode && response.Content is { } page)
            {
                return (page, null);
            }

            var reason = response.IsReceived && !response.IsSuccessStatusCode
                ? $"HTTP {(int)response.StatusCode}"
                : Describe(response.Error?.InnerException ?? response.Error);
            return (null, new FeedRead.Failed(pageNumber, reason, false, response.Error));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException or ApiException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, new FeedRead.Failed(pageNumber, Describe(e), false, e));
        }
    }

    private static string Describe(Exception? e) => e switch
    {
        null => "an empty or unreadable answer",
        BrokenCircuitException => "the circuit breaker is open after repeated failures",
        TimeoutRejectedException or TaskCanceledException => "the API did not answer in time",
        JsonException => "an answer that is not the expected JSON",
        _ => e.GetType().Name,
    };
}

/// <summary>The outcome of reading the feed: every page, or the first page that failed.</summary>
public abstract record FeedRead
{
    private FeedRead()
    {
    }

    /// <summary>All pages read. <see cref="Complete"/> is false when the totals show the feed changed while being paged.</summary>
    public sealed record Fetched(IReadOnlyList<ApiVacancy> Vacancies, int Pages, bool Complete) : FeedRead;

    public sealed record Failed(int Page, string Reason, bool Unauthorized, Exception? Exception) : FeedRead;
}
