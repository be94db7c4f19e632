namespace CareersPipeline.Core.Features.Privacy;

// Equality monitoring categories, after the ONS 2021 Census questions for England and NHS equality monitoring
// guidance. Every question is optional and has "prefer not to say".

public enum EthnicGroup
{
    AsianBangladeshi,
    AsianChinese,
    AsianIndian,
    AsianPakistani,
    AsianOther,
    BlackAfrican,
    BlackCaribbean,
    BlackOther,
    MixedWhiteAndAsian,
    MixedWhiteAndBlackAfrican,
    MixedWhiteAndBlackCaribbean,
    MixedOther,
    WhiteBritish,
    WhiteIrish,
    WhiteGypsyOrIrishTraveller,
    WhiteRoma,
    WhiteOther,
    Arab,
    OtherEthnicGroup,
    PreferNotToSay,
}

public enum DisabilityAnswer
{
    Yes,
    No,
    PreferNotToSay,
}

public enum Religion
{
    NoReligion,
    Buddhist,
    Christian,
    Hindu,
    Jewish,
    Muslim,
    Sikh,
    AnyOtherReligion,
    PreferNotToSay,
}

public enum SexAnswer
{
    Female,
    Male,
    PreferNotToSay,
}

/// <summary>Is the gender you identify with the same as your sex registered at birth?</summary>
public enum GenderIdentityAnswer
{
    Yes,
    No,
    PreferNotToSay,
}

public enum SexualOrientation
{
    StraightOrHeterosexual,
    GayOrLesbian,
    Bisexual,
    AnyOtherSexualOrientation,
    PreferNotToSay,
}

/// <summary>Age bands from 16: the questions are not asked of under-16s.</summary>
public enum AgeBand
{
    From16To17,
    From18To24,
    From25To34,
    From35To44,
    From45To54,
    From55To64,
    From65,
    PreferNotToSay,
}

/// <summary>Equality monitoring answers, as stored: every one optional (null = not answered).</summary>
public sealed record EqualityAnswers(
    EthnicGroup? Ethnicity,
    DisabilityAnswer? Disability,
    Religion? Religion,
    SexAnswer? Sex,
    GenderIdentityAnswer? GenderSameAsSexAtBirth,
    SexualOrientation? SexualOrientation,
    AgeBand? AgeBand);

/// <summary>The equality form as sent (names of the categories above); validated into <see cref="EqualityAnswers"/>.</summary>
public sealed record EqualityRequest
{
    public string? Ethnicity { get; init; }
    public string? Disability { get; init; }
    public string? Religion { get; init; }
    public string? Sex { get; init; }
    public string? GenderSameAsSexAtBirth { get; init; }
    public string? SexualOrientation { get; init; }
    public string? AgeBand { get; init; }

    /// <summary>Checks every answer at once; unknown values are errors, empty ones mean "not answered".</summary>
    public (EqualityAnswers? Answers, IReadOnlyDictionary<string, string[]> Errors) Validate()
    {
        var errors = new ValidationErrors();
        var answers = new EqualityAnswers(
            Parse<EthnicGroup>(errors, "ethnicity", Ethnicity),
            Parse<DisabilityAnswer>(errors, "disability", Disability),
            Parse<Religion>(errors, "religion", Religion),
            Parse<SexAnswer>(errors, "sex", Sex),
            Parse<GenderIdentityAnswer>(errors, "genderSameAsSexAtBirth", GenderSameAsSexAtBirth),
            Parse<SexualOrientation>(errors, "sexualOrientation", SexualOrientation),
            Parse<AgeBand>(errors, "ageBand", AgeBand));
        return errors.IsEmpty ? (answers, new Dictionary<string, string[]>()) : (null, errors.ToDictionary());
    }

    private static TEnum? Parse<TEnum>(ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            // The allowed names only: the value sent is not echoed, it may be anything.
            errors.Add(field, $"Choose one of: {string.Join(", ", Enum.GetNames<TEnum>())}, or leave it out.");
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }
}
