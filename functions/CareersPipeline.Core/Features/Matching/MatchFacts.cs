using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// A candidate reduced to what the rules read, computed once and kept small (its first workplace inline), so the
/// scorers' loops neither allocate nor chase references for the common case of one workplace.
/// </summary>
internal readonly struct CandidateFacts
{
    private const byte NeedsRightToWorkFlag = 1, NeedsLicenceFlag = 2, SupportedEntryFlag = 4, RemoteFlag = 8;
    private const int NoStart = int.MinValue;

    private readonly int _openUntilDay;
    private readonly int _startDay;
    private readonly GeoPoint _firstPlace;
    private readonly double _firstPlaceCosine;
    private readonly GeoPoint[]? _morePlaces;
    private readonly byte _kind;
    private readonly byte _family;
    private readonly byte _flags;
    private readonly sbyte _requiredQualification;

    public CandidateFacts(MatchCandidate candidate)
    {
        _kind = (byte)candidate.Kind;
        _family = (byte)candidate.CareerFamily;
        Level = candidate.Level ?? 0;
        _openUntilDay = candidate.OpenUntil.DayNumber;
        _startDay = candidate.StartDate?.DayNumber ?? NoStart;
        MinimumAge = candidate.Requirements.MinimumAge;
        _requiredQualification = candidate.Requirements.QualificationLevel is { } required ? (sbyte)required : (sbyte)-1;
        _flags = (byte)((candidate.Requirements.RightToWorkInUk ? NeedsRightToWorkFlag : 0) | (candidate.Requirements.DrivingLicence ? NeedsLicenceFlag : 0)
            | (candidate.SupportedEntry ? SupportedEntryFlag : 0) | (candidate.Remote ? RemoteFlag : 0));
        PlaceCount = candidate.Remote ? 0 : candidate.Locations.Count;
        _firstPlace = PlaceCount > 0 ? candidate.Locations[0] : default;
        _firstPlaceCosine = Places.Distance.CosineOfLatitude(_firstPlace.Latitude);
        _morePlaces = PlaceCount > 1 ? [.. candidate.Locations.Skip(1)] : null;
    }

    private CandidateFacts(int openUntilDay, int startDay, int minimumAge, sbyte requiredQualification, byte flags)
    {
        _openUntilDay = openUntilDay;
        _startDay = startDay;
        MinimumAge = minimumAge;
        _requiredQualification = requiredQualification;
        _flags = flags;
    }

    /// <summary>
    /// Facts that pass <see cref="MatchRules.Eligibility"/> for anyone at least one of <paramref name="group"/> passes it for:
    /// the latest closing and start, the lowest age and qualification, a requirement only where all have it. A group
    /// whose most permissive facts exclude a person excludes them from every member, so a scorer can skip it whole.
    /// </summary>
    public static CandidateFacts MostPermissive(IEnumerable<CandidateFacts> group)
    {
        int openUntil = int.MinValue, start = NoStart, age = int.MaxValue;
        sbyte qualification = sbyte.MaxValue;
        var needs = (byte)(NeedsRightToWorkFlag | NeedsLicenceFlag);
        foreach (var facts in group)
        {
            openUntil = Math.Max(openUntil, facts._openUntilDay);
            start = Math.Max(start, facts._startDay);
            age = Math.Min(age, facts.MinimumAge);
            qualification = Math.Min(qualification, facts._requiredQualification);
            needs &= facts._flags;
        }

        return new CandidateFacts(openUntil, start, age, qualification, needs);
    }

    public CandidateKind Kind => (CandidateKind)_kind;

    /// <summary>The <see cref="CareerFamily"/> as its number.</summary>
    public int Family => _family;

    /// <summary>The family's bit, to test against a person's interests. "Not sure yet" is a person's answer, not a family a candidate can be in: it matches no interest.</summary>
    public uint FamilyBit => _family == (byte)CareerFamily.NotSureYet ? 0 : 1u << _family;

    /// <summary>The apprenticeship level, or 0 when the candidate has none.</summary>
    public int Level { get; }

    public int MinimumAge { get; }

    public DateOnly OpenUntil => DateOnly.FromDayNumber(_openUntilDay);

    public int OpenUntilDay => _openUntilDay;

    /// <summary>The start date's day number; lower than any real day when there is none.</summary>
    public int StartDay => _startDay;

    public bool NeedsRightToWork => (_flags & NeedsRightToWorkFlag) != 0;

    public bool NeedsLicence => (_flags & NeedsLicenceFlag) != 0;

    /// <summary>The <see cref="QualificationLevel"/> required, as its number, or -1 for none.</summary>
    public int RequiredQualification => _requiredQualification;

    public bool SupportedEntry => (_flags & SupportedEntryFlag) != 0;

    public bool Remote => (_flags & RemoteFlag) != 0;

    /// <summary>How many workplaces with coordinates the candidate has (none when remote).</summary>
    public int PlaceCount { get; }

    public GeoPoint Place(int i) => i == 0 ? _firstPlace : _morePlaces![i - 1];

    /// <summary>The cosine of the latitude of workplace <paramref name="i"/>, for <see cref="Places.Distance"/>.</summary>
    public double PlaceCosine(int i) => i == 0 ? _firstPlaceCosine : Places.Distance.CosineOfLatitude(_morePlaces![i - 1].Latitude);
}

/// <summary>A person reduced to what the rules read.</summary>
internal readonly struct PersonFacts
{
    // Minimum ages are almost always 14 to 21: the days the person reaches those are worked out once.
    private const int FirstCommonAge = 14;
    private const int CommonAges = 8;
    private readonly CommonAgeDays _reachesAge;

    public PersonFacts(MatchProfile profile)
    {
        Route = profile.Route;
        DateOfBirth = profile.DateOfBirth;
        for (var age = 0; age < CommonAges; age++)
        {
            _reachesAge[age] = ChildrenPolicy.DayReaching(profile.DateOfBirth, FirstCommonAge + age).DayNumber;
        }

        HasRightToWork = profile.RightToWork == RightToWork.Yes;
        HasLicence = profile.DrivingLicence == true;
        Qualification = (int)profile.Qualification;
        RqfLevel = MatchRules.RqfLevel(profile.Qualification);
        foreach (var family in profile.Interests is HashSet<CareerFamily> set ? set : profile.Interests.ToHashSet())
        {
            InterestMask |= family == CareerFamily.NotSureYet ? 0 : 1u << (int)family;
        }

        NotSure = profile.Interests.Contains(CareerFamily.NotSureYet);
        Location = profile.Location;
        LocationCosine = profile.Location is { } home ? Places.Distance.CosineOfLatitude(home.Latitude) : 0;
        TravelMiles = profile.TravelMiles;
    }

    public JourneyRoute Route { get; }

    public DateOnly DateOfBirth { get; }

    /// <summary>Whether the person is at least <paramref name="age"/> on the day numbered <paramref name="dayNumber"/>, as <see cref="ChildrenPolicy.AgeOn"/> counts.</summary>
    public bool IsAtLeast(int age, int dayNumber) =>
        age - FirstCommonAge is >= 0 and < CommonAges
            ? dayNumber >= _reachesAge[age - FirstCommonAge]
            : ChildrenPolicy.AgeOn(DateOfBirth, DateOnly.FromDayNumber(dayNumber)) >= age;

    public bool HasRightToWork { get; }

    public bool HasLicence { get; }

    /// <summary>The <see cref="QualificationLevel"/> as its number, to compare with a requirement.</summary>
    public int Qualification { get; }

    /// <summary>The level on the RQF scale, 0 for none or entry level, to compare with an apprenticeship's level.</summary>
    public int RqfLevel { get; }

    /// <summary>The career families chosen, one bit each; "not sure yet" is <see cref="NotSure"/> instead.</summary>
    public uint InterestMask { get; }

    public bool NotSure { get; }

    public GeoPoint? Location { get; }

    public double LocationCosine { get; }

    public int TravelMiles { get; }
}

/// <summary>The day numbers on which a person reaches each common minimum age, held inline so a person's facts allocate nothing.</summary>
[System.Runtime.CompilerServices.InlineArray(8)]
internal struct CommonAgeDays
{
    private int _first;
}
