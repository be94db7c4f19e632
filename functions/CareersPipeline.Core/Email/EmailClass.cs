namespace CareersPipeline.Core.Email;

/// <summary>How an email is gated at send time.</summary>
public enum EmailClass
{
    /// <summary>About something the person just did (their sign-up, verifying their address, a guardian's consent request): always sent.</summary>
    Transactional,

    /// <summary>Opportunities, matches and next steps: needs the Contact consent.</summary>
    Contact,

    /// <summary>News and campaigns: needs the Marketing consent, and never to under-16s.</summary>
    Marketing,
}
