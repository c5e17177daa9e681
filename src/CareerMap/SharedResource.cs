// The assembly is named careermap (the command's name); resources are found under the code's namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("CareerMap")]

namespace CareerMap;

/// <summary>
/// Every sentence a person reads on a page, keyed by its English text; the Spanish is in Resources/SharedResource.es.resx.
/// One file for the whole app, so a translator sees every string once and a test can check that none lacks its Spanish.
/// </summary>
public sealed class SharedResource;
