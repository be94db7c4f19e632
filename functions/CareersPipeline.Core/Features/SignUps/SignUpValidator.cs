using System.Text.RegularExpressions;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>Checks a sign-up against every rule at once, so the person can fix all their answers in one go.</summary>
public sealed partial class SignUpValidator(TimeProvider time)
{
    public const int MinimumAge = 13;
    public const int GuardianConsentAge = 16;
    private const int MaxNameLength = 100;
    private const int MaxFreeTextLength = 500;

    public SignUpValidation Validate(Door door, SignUpRequest request)
    {
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var firstName = RequiredText(errors, "firstName", "first name", request.FirstName, MaxNameLength);
        var lastName = RequiredText(errors, "lastName", "last name", request.LastName, MaxNameLength);
        var email = Email(errors, "email", request.Email, required: true);

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            phone = UkFormats.NormalisePhone(request.Phone);
            if (phone is null)
            {
                errors.Add("phone", "Enter a UK phone number, like 07700 900123 or 01782 123456.");
            }
        }

        var dateOfBirth = DateOfBirth(errors, request.DateOfBirth, today);
        var age = dateOfBirth is { } dob ? AgeOn(dob, today) : (int?)null;

        string? postcode = null;
        if (string.IsNullOrWhiteSpace(request.Postcode))
        {
            errors.Add("postcode", "Enter your postcode.");
        }
        else
        {
            postcode = UkFormats.NormalisePostcode(request.Postcode);
            if (postcode is null)
            {
                errors.Add("postcode", "Enter a real UK postcode, like ST4 6QG.");
            }
        }

        var interests = EnumList<CareerFamily>(errors, "careerInterests", request.CareerInterests, "career interest");
        if (interests.Count == 0 && request.CareerInterests is not { Count: > 0 })
        {
            errors.Add("careerInterests", $"Choose at least one career interest, or {nameof(CareerFamily.NotSureYet)}.");
        }

        var situation = RequiredEnum<CurrentSituation>(errors, "currentSituation", "your current situation", request.CurrentSituation);
        var qualification = RequiredEnum<QualificationLevel>(errors, "qualificationLevel", "your highest qualification level", request.QualificationLevel);
        var rightToWork = RequiredEnum<RightToWork>(errors, "rightToWork", "whether you have the right to work in the UK", request.RightToWork);

        var supportNeeds = EnumList<SupportNeed>(errors, "supportNeeds", request.SupportNeeds, "support need");
        string? supportOther = null;
        if (supportNeeds.Contains(SupportNeed.Other))
        {
            supportOther = RequiredText(errors, "supportNeedsOther", "the support you need", request.SupportNeedsOther, MaxFreeTextLength);
        }

        var language = "en";
        if (!string.IsNullOrWhiteSpace(request.PreferredLanguage))
        {
            language = request.PreferredLanguage.Trim();
            if (!LanguageTagRegex().IsMatch(language))
            {
                errors.Add("preferredLanguage", "Give the language as a language code, like en, uk or ar.");
            }
        }

        var consents = request.Consents;
        if (consents is null)
        {
            errors.Add("consents", "Answer the contact and marketing questions.");
        }
        else
        {
            if (consents.Contact is null)
            {
                errors.Add("consents.contact", "Say whether we may contact you about opportunities.");
            }

            if (consents.Marketing is null)
            {
                errors.Add("consents.marketing", "Say whether you want news and campaigns.");
            }
            else if (consents.Marketing.Value && age < GuardianConsentAge)
            {
                errors.Add("consents.marketing", "News and campaigns are only for people aged 16 or over.");
            }

            RequiredText(errors, "consents.wordingVersion", "the version of the consent wording shown", consents.WordingVersion, 20);
        }

        string? doorCode = null;
        int? yearGroup = null;
        switch (door)
        {
            case Door.School:
                doorCode = RequiredCode(errors, "schoolCode", "your school's code", request.SchoolCode);
                yearGroup = request.YearGroup;
                if (yearGroup is null)
                {
                    errors.Add("yearGroup", "Enter your year group.");
                }
                else if (yearGroup is < 7 or > 13)
                {
                    errors.Add("yearGroup", "Year group must be between 7 and 13.");
                }

                break;
            case Door.Event:
                doorCode = RequiredCode(errors, "eventCode", "the event code", request.EventCode);
                break;
            case Door.Programme:
                doorCode = RequiredCode(errors, "programmeCode", "the programme code", request.ProgrammeCode);
                break;
        }

        string? guardianEmail = null;
        if (age < GuardianConsentAge)
        {
            guardianEmail = Email(errors, "guardianEmail", request.GuardianEmail, required: true, "your parent or guardian's email address");
            if (guardianEmail is not null && string.Equals(guardianEmail, email, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("guardianEmail", "Your parent or guardian's email address must be different from yours.");
            }
        }

        if (!errors.IsEmpty)
        {
            return new SignUpValidation(null, errors.ToDictionary());
        }

        return new SignUpValidation(
            new ValidSignUp(
                door, doorCode, firstName!, lastName!, email!, phone, dateOfBirth!.Value, postcode!, interests,
                situation!.Value, qualification!.Value, rightToWork!.Value, supportNeeds, supportOther, language,
                consents!.Contact!.Value, consents.Marketing!.Value, consents.WordingVersion!.Trim(), yearGroup, guardianEmail),
            new Dictionary<string, string[]>());
    }

    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }

    private static string? RequiredText(ValidationErrors errors, string field, string label, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Enter {label}.");
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            errors.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {maxLength} characters or fewer.");
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            errors.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must not contain control characters.");
            return null;
        }

        return trimmed;
    }

    private static string? RequiredCode(ValidationErrors errors, string field, string label, string? value)
    {
        var code = RequiredText(errors, field, label, value, 32);
        if (code is not null && !CodeRegex().IsMatch(code))
        {
            errors.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} can only contain letters, numbers and dashes.");
            return null;
        }

        return code?.ToUpperInvariant();
    }

    private static string? Email(ValidationErrors errors, string field, string? value, bool required, string label = "your email address")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"Enter {label}.");
            }

            return null;
        }

        var trimmed = value.Trim();
        if (!EmailAddresses.IsValid(trimmed))
        {
            errors.Add(field, EmailAddresses.FormatMessage);
            return null;
        }

        return trimmed;
    }

    private static DateOnly? DateOfBirth(ValidationErrors errors, string? value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("dateOfBirth", "Enter your date of birth.");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var dob))
        {
            errors.Add("dateOfBirth", "Date of birth must be a real date, written as YYYY-MM-DD.");
            return null;
        }

        if (dob > today)
        {
            errors.Add("dateOfBirth", "Date of birth must be in the past.");
            return null;
        }

        var age = AgeOn(dob, today);
        if (age < MinimumAge)
        {
            errors.Add("dateOfBirth", $"You must be {MinimumAge} or over to sign up.");
            return null;
        }

        if (age > 100)
        {
            errors.Add("dateOfBirth", "Check your date of birth: it makes you over 100.");
            return null;
        }

        return dob;
    }

    private static TEnum? RequiredEnum<TEnum>(ValidationErrors errors, string field, string label, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"Tell us {label}.");
            return null;
        }

        if (TryParseName<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(field, $"'{Truncate(value)}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }

    private static List<TEnum> EnumList<TEnum>(ValidationErrors errors, string field, IReadOnlyList<string>? values, string label)
        where TEnum : struct, Enum
    {
        var result = new List<TEnum>();
        if (values is null)
        {
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (TryParseName<TEnum>(values[i], out var parsed))
            {
                if (!result.Contains(parsed))
                {
                    result.Add(parsed);
                }
            }
            else
            {
                errors.Add($"{field}[{i}]", $"'{Truncate(values[i])}' is not a known {label}. Use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
            }
        }

        return result;
    }

    // Names only: Enum.TryParse would also accept numbers such as "7".
    private static bool TryParseName<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        parsed = default;
        return value is not null
            && Enum.GetNames<TEnum>().Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
            && Enum.TryParse(value.Trim(), ignoreCase: true, out parsed);
    }

    private static string Truncate(string? value) =>
        value is null ? "null" : value.Length <= 40 ? value : value[..40] + "...";

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageTagRegex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]*$")]
    private static partial Regex CodeRegex();
}

/// <summary>Either a valid sign-up or every field error found.</summary>
public sealed record SignUpValidation(ValidSignUp? SignUp, IReadOnlyDictionary<string, string[]> Errors);
