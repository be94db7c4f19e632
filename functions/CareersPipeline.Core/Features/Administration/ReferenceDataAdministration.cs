using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// Admins keeping the codes the public doors check: add, change, retire (the door then says the code no longer takes
/// sign-ups), reopen, and delete only what nothing names. Every change is made from the version the admin read.
/// </summary>
public sealed partial class ReferenceDataAdministration(ReferenceDataStore store, ReferenceUsage usage)
{
    public const int MaxNameLength = 200;
    public const int MaxDetailLength = 500;

    /// <summary>Codes on one page of the admin's list.</summary>
    public const int PageSize = 50;
    private const string Stale = "This record was changed by someone else since you read it. Read it again and redo your change.";

    public Task<IReadOnlyList<Versioned<ReferenceItem>>> ListAsync(ReferenceKind kind, CancellationToken cancellationToken) =>
        store.ListVersionedAsync(kind, cancellationToken);

    /// <summary>A page of one kind's codes in code order (a GIAS import holds thousands of schools): see <see cref="ReferenceDataStore.PageAsync"/>.</summary>
    public Task<(IReadOnlyList<ReferenceItem> Items, string? Next)> PageAsync(ReferenceKind kind, string? from, CancellationToken cancellationToken) =>
        store.PageAsync(kind, from, PageSize, cancellationToken);

    public async Task<Result<Versioned<ReferenceItem>>> GetAsync(ReferenceKind kind, string code, CancellationToken cancellationToken) =>
        await store.GetAsync(kind, code, cancellationToken) is { } item ? new Result<Versioned<ReferenceItem>>.Ok(item) : NotFound(kind);

    public async Task<Result<Versioned<ReferenceItem>>> AddAsync(ReferenceKind kind, ReferenceInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var code = input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add("code", "Enter the code people will give when they sign up.");
        }
        else if (!CodeShape().IsMatch(code))
        {
            errors.Add("code", "A code is 2 to 40 letters, digits and hyphens, like EV-HANLEY-RR or 124567.");
        }

        if (Check(kind, code ?? string.Empty, input, errors) is not { } item)
        {
            return new Result<Versioned<ReferenceItem>>.Invalid(errors.ToDictionary());
        }

        return await store.TryAddAsync(item, cancellationToken) is { } version
            ? new Result<Versioned<ReferenceItem>>.Ok(new Versioned<ReferenceItem>(item, version))
            : new Result<Versioned<ReferenceItem>>.Conflict($"There is already a {Noun(kind)} with the code '{code}'.");
    }

    /// <summary>Changes the answers (never the code, nor whether it is retired) from the version read.</summary>
    public Task<Result<Versioned<ReferenceItem>>> ChangeAsync(ReferenceKind kind, string code, ETag ifMatch, ReferenceInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return Check(kind, code, input, errors) is { } item
            ? ReplaceAsync(kind, code, ifMatch, current => item with { Code = current.Code, Status = current.Status }, cancellationToken)
            : Task.FromResult<Result<Versioned<ReferenceItem>>>(new Result<Versioned<ReferenceItem>>.Invalid(errors.ToDictionary()));
    }

    public Task<Result<Versioned<ReferenceItem>>> RetireAsync(ReferenceKind kind, string code, ETag ifMatch, CancellationToken cancellationToken) =>
        ReplaceAsync(kind, code, ifMatch, current => current with { Status = ReferenceStatus.Retired }, cancellationToken);

    public Task<Result<Versioned<ReferenceItem>>> ReopenAsync(ReferenceKind kind, string code, ETag ifMatch, CancellationToken cancellationToken) =>
        ReplaceAsync(kind, code, ifMatch, current => current with { Status = ReferenceStatus.Open }, cancellationToken);

    /// <summary>Deletes a code nothing names; one in use is refused with the advice to retire it.</summary>
    public async Task<Result<string>> DeleteAsync(ReferenceKind kind, string code, ETag ifMatch, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(kind, code, cancellationToken) is not { } current)
        {
            return new Result<string>.NotFound($"There is no {Noun(kind)} with this code.");
        }

        if (current.ETag != ifMatch)
        {
            return new Result<string>.Stale(Stale);
        }

        if (await usage.InUseByAsync(kind, code, cancellationToken) is { } reason)
        {
            return new Result<string>.Conflict($"This {Noun(kind)} cannot be deleted because {reason}. Retire it instead: its door then stops taking sign-ups.");
        }

        return await store.TryDeleteAsync(kind, code, ifMatch, cancellationToken)
            ? new Result<string>.Ok(current.Value.Code)
            : new Result<string>.Stale(Stale);
    }

    public static string Noun(ReferenceKind kind) => kind switch
    {
        ReferenceKind.School => "school",
        ReferenceKind.Event => "event",
        ReferenceKind.Programme => "programme",
        _ => "organisation",
    };

    private async Task<Result<Versioned<ReferenceItem>>> ReplaceAsync(ReferenceKind kind, string code, ETag ifMatch, Func<ReferenceItem, ReferenceItem> change, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(kind, code, cancellationToken) is not { } current)
        {
            return NotFound(kind);
        }

        if (current.ETag != ifMatch)
        {
            return new Result<Versioned<ReferenceItem>>.Stale(Stale);
        }

        var changed = change(current.Value);
        return await store.TryReplaceAsync(changed, ifMatch, cancellationToken) is { } version
            ? new Result<Versioned<ReferenceItem>>.Ok(new Versioned<ReferenceItem>(changed, version))
            : new Result<Versioned<ReferenceItem>>.Stale(Stale);
    }

    private static ReferenceItem? Check(ReferenceKind kind, string code, ReferenceInput input, ValidationErrors errors)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "Enter its name.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("name", $"The name must be {MaxNameLength} characters or fewer.");
        }

        string? postcode = string.Empty;
        if (!string.IsNullOrWhiteSpace(input.Postcode) && (postcode = UkFormats.NormalisePostcode(input.Postcode)) is null)
        {
            errors.Add("postcode", "Enter a full UK postcode, like ST4 6QG.");
        }

        var detail = input.Detail?.Trim() ?? string.Empty;
        if (detail.Length > MaxDetailLength)
        {
            errors.Add("detail", $"The description must be {MaxDetailLength} characters or fewer.");
        }

        DateOnly? date = null;
        if (kind is ReferenceKind.Event or ReferenceKind.Programme && !string.IsNullOrWhiteSpace(input.Date))
        {
            if (DateOnly.TryParseExact(input.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                errors.Add("date", "Enter the date as yyyy-MM-dd, like 2026-10-14.");
            }
        }

        if (kind == ReferenceKind.Event && string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add("date", "Enter the date of the event.");
        }

        OrganisationSector? sector = null;
        if (kind == ReferenceKind.Employer)
        {
            if (input.LevyPayer is null)
            {
                errors.Add("levyPayer", "Say whether the organisation pays the apprenticeship levy.");
            }

            if (Enum.TryParse<OrganisationSector>(input.Sector, ignoreCase: true, out var parsedSector) && Enum.IsDefined(parsedSector) && !int.TryParse(input.Sector, out _))
            {
                sector = parsedSector;
            }
            else
            {
                errors.Add("sector", $"Choose the sector: {string.Join(", ", Enum.GetNames<OrganisationSector>())}.");
            }
        }

        return errors.IsEmpty
            ? new ReferenceItem(kind, code, name!, postcode!, detail, date, ReferenceStatus.Open, kind == ReferenceKind.Employer ? input.LevyPayer : null, sector)
            : null;
    }

    private static Result<Versioned<ReferenceItem>> NotFound(ReferenceKind kind) => new Result<Versioned<ReferenceItem>>.NotFound($"There is no {Noun(kind)} with this code.");

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex CodeShape();
}
