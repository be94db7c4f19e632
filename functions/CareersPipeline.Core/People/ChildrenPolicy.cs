namespace CareersPipeline.Core.People;

/// <summary>
/// The ICO Children's code rules of the service, in one place for every feature: under-16s are processed only
/// after a parent or guardian agrees, never get marketing, and are never shown to employers. Ages are counted the
/// way English law counts them, conservatively: someone born on 29 February turns 16 on 1 March in a common year.
/// </summary>
public static class ChildrenPolicy
{
    /// <summary>Below this age a guardian must agree, there is no marketing, and nothing is shown to employers.</summary>
    public const int AdultServicesAge = 16;

    /// <summary>Whole years of age on <paramref name="today"/>.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly today)
    {
        var age = today.Year - dateOfBirth.Year;
        return BirthdayIn(dateOfBirth, today.Year) > today ? age - 1 : age;
    }

    /// <summary>The day the person reaches <paramref name="age"/>.</summary>
    public static DateOnly DayReaching(DateOnly dateOfBirth, int age) => BirthdayIn(dateOfBirth, dateOfBirth.Year + age);

    public static bool IsChild(DateOnly dateOfBirth, DateOnly today) => AgeOn(dateOfBirth, today) < AdultServicesAge;

    /// <summary>For the matching feature: may this person's details be shown to an employer today? Only from their 16th birthday.</summary>
    public static bool MayShowToEmployer(DateOnly dateOfBirth, DateOnly today) => !IsChild(dateOfBirth, today);

    /// <summary>News and campaigns: never to under-16s, whatever consent is held.</summary>
    public static bool MayReceiveMarketing(DateOnly dateOfBirth, DateOnly today) => !IsChild(dateOfBirth, today);

    /// <summary>Equality monitoring questions (special category data) are not asked of under-16s: data minimisation.</summary>
    public static bool MayBeAskedEqualityQuestions(DateOnly dateOfBirth, DateOnly today) => !IsChild(dateOfBirth, today);

    // 29 February in a common year becomes 1 March, not 28 February, so a child is never treated as older than they are.
    private static DateOnly BirthdayIn(DateOnly dateOfBirth, int year) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
}
