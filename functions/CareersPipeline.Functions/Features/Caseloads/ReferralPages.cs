using System.Globalization;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.Caseloads;

/// <summary>
/// A partner's referral link: the form for browsers (works without JavaScript) and JSON for a partner's systems, both at
/// the link itself. No account and no session, so no antiforgery token: the signed partner token in the path is the
/// key, checked on every request (a revoked or forged one is 404), and the public-door rate limit applies
/// (<see cref="AbuseLimits"/>: per client, and per email address of the person referred). Also the admins' partner
/// management behind <c>/api/caseload/partners</c>.
/// </summary>
internal static class ReferralPages
{
    private static readonly string[] Fields = ["firstName", "lastName", "email", "phone", "dateOfBirth-day", "dateOfBirth-month", "dateOfBirth-year", "postcode", "preferredLanguage", "supportNeeds", "consentToContact", "referrerName", "referrerEmail"];

    public static async Task<IResult> FormAsync(HttpRequest request, string token, ReferralPartners partners, CancellationToken ct) =>
        await partners.ReadLinkAsync(token, ct) is { } partner
            ? LinkPages.HtmlPage(request, Page(partner.Name, new Dictionary<string, string[]>(), new Dictionary<string, string[]>(), sent: false))
            : NotValid(request);

    public static async Task<IResult> SubmitAsync(HttpRequest request, string token, ReferralPartners partners, ReferralService referrals, CancellationToken ct)
    {
        if (await partners.ReadLinkAsync(token, ct) is not { } partner)
        {
            return NotValid(request);
        }

        ReferralInput input;
        Dictionary<string, string[]> posted = new(StringComparer.Ordinal);
        var form = request.HasFormContentType;
        if (form)
        {
            var values = await request.ReadFormAsync(ct);
            foreach (var field in Fields)
            {
                posted[field] = [.. values[field].Select(v => v ?? string.Empty)];
            }

            input = FromForm(values);
        }
        else
        {
            var (body, problem) = await JsonBody.ReadAsync<ReferralInput>(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            input = body!;
        }

        if (!string.IsNullOrWhiteSpace(input.Email) && AbuseLimits.CheckAddress(request.HttpContext, input.Email) is { } tooMany)
        {
            return tooMany;
        }

        var result = await referrals.SubmitAsync(token, input, ct);
        if (form)
        {
            return result switch
            {
                Result<string>.Ok => LinkPages.HtmlPage(request, Page(partner.Name, new Dictionary<string, string[]>(), new Dictionary<string, string[]>(), sent: true)),
                Result<string>.Invalid invalid => LinkPages.HtmlPage(request, Page(partner.Name, posted, invalid.Errors, sent: false), StatusCodes.Status400BadRequest),
                _ => NotValid(request),
            };
        }

        return result is Result<string>.Ok ? TypedResults.Accepted((string?)null, new ReferralAccepted(ReferralAccepted.Received)) : result.ToHttp();
    }

    public static async Task<IResult> PartnersAsync(ReferralPartners partners, CancellationToken ct) =>
        TypedResults.Ok((await partners.ListAsync(ct)).Select(partners.LinkOf).ToList());

    public static async Task<IResult> SavePartnerAsync(HttpContext http, string code, ReferralPartners partners, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<PartnerInput>(http.Request, ct);
        return problem ?? (await partners.SaveAsync(StaffAccess.StaffOf(http), code, input!, ct)).ToHttp();
    }

    public static async Task<IResult> RevokeAsync(HttpContext http, string code, ReferralPartners partners, CancellationToken ct) =>
        (await partners.RevokeLinkAsync(StaffAccess.StaffOf(http), code, ct)).ToHttp();

    private static ReferralInput FromForm(IFormCollection values)
    {
        string? One(string field) => values[field].ToString() is { Length: > 0 } v ? v : null;
        var (day, month, year) = (One("dateOfBirth-day")?.Trim(), One("dateOfBirth-month")?.Trim(), One("dateOfBirth-year")?.Trim());
        string? born = null;
        if (day is not null || month is not null || year is not null)
        {
            // Any date the boxes cannot make is passed on as written, so the service reports it as not a date.
            born = int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y) && y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
                ? new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : $"{year}-{month}-{day}";
        }

        return new ReferralInput
        {
            FirstName = One("firstName"),
            LastName = One("lastName"),
            Email = One("email"),
            Phone = One("phone"),
            DateOfBirth = born,
            Postcode = One("postcode"),
            PreferredLanguage = One("preferredLanguage"),
            SupportNeeds = [.. values["supportNeeds"].Select(v => v ?? string.Empty)],
            ConsentToContact = values["consentToContact"].ToString() == "true",
            ReferrerName = One("referrerName"),
            ReferrerEmail = One("referrerEmail"),
        };
    }

    private static PartnerReferralPage Page(string partner, IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string[]> errors, bool sent) =>
        new(partner, ReferralService.ConsentStatement, values, errors, sent);

    private static IResult NotValid(HttpRequest request) =>
        LinkPages.Problem(request, StatusCodes.Status404NotFound, "This referral link is not valid", "It may have been withdrawn. Ask the careers service for your organisation's current link.");
}

/// <summary>The 202 body of a referral from a partner's system.</summary>
public sealed record ReferralAccepted(string Message)
{
    public const string Received = "Referral received: an outreach adviser will contact the person.";
}
