<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="nl_BE">
<context>
    <name>Planning</name>
    <message>
        <location filename="../../amo_desktop/ui/flows/sessions.py" line="1" />
        <source>De coach heeft op %1 om %2 al een contactmoment.</source>
        <translation>The coach already has a session on %1 at %2.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/sessions.py" line="1" />
        <source>%1 is een vrije dag voor deze school.</source>
        <translation>%1 is a day off for this school.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <location filename="../../amo_desktop/ui/kit/context.py" line="1" />
        <source>Dat lukte niet</source>
        <translation>That did not work</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../amo_desktop/ui/screens/uitwisselen/page.py" line="1" />
        <source>Uitgewisseld: %1 bestand(en) ingelezen, %2 gewijzigde rijen.</source>
        <translation>Exchanged: %1 file(s) read, %2 changed rows.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/uitwisselen/page.py" line="1" />
        <source>Gedeelde map ingesteld.</source>
        <translation>Shared folder set.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/uitwisselen/page.py" line="1" />
        <source>Conflict opgelost.</source>
        <translation>Conflict resolved.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/uitwisselen/conflicts.py" />
        <source>Waarden van het conflict</source>
        <translation>Values of the conflict</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="122" />
        <source>Uitwisseling: %1</source>
        <translation>Exchange: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="122" />
        <location filename="../../amo_desktop/ui/exchange.py" line="381" />
        <source>nog nooit</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="125" />
        <source>%1 wijzigingen wachten</source>
        <translation>%1 changes waiting</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="127" />
        <source>%1 conflicten</source>
        <translation>%1 conflicts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="215" />
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="216" />
        <source>Laatste uitwisseling:</source>
        <translation>Last exchange:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="217" />
        <source>Wachtende wijzigingen:</source>
        <translation>Changes waiting:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="218" />
        <source>Open conflicten:</source>
        <translation>Open conflicts:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="219" />
        <source>Gedeelde map:</source>
        <translation>Shared folder:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="221" />
        <source>Nu &amp;synchroniseren</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="222" />
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="223" />
        <source>Im&amp;porteren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="224" />
        <source>Gedeelde &amp;map kiezen…</source>
        <translation>Choose shared &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="225" />
        <source>&amp;Uitnodiging maken…</source>
        <translation>Make an &amp;invitation…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="240" />
        <source>Medewerker</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="241" />
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="242" />
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="244" />
        <source>Laatst ontvangen</source>
        <translation>Last received</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="254" />
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="255" />
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="256" />
        <source>Met</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="257" />
        <source>Rijen</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="258" />
        <location filename="../../amo_desktop/ui/exchange.py" line="300" />
        <source>Conflicten</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="259" />
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="269" />
        <source>Laptops van het team</source>
        <translation>The team's laptops</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="271" />
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="278" />
        <source>Gegeven</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="279" />
        <source>Waarden</source>
        <translation>Values</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="281" />
        <source>Gevonden</source>
        <translation>Found</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="289" />
        <source>Waarde</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="290" />
        <source>Door</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="291" />
        <source>Op</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="296" />
        <source>Deze waarde h&amp;ouden</source>
        <translation>&amp;Keep this value</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="304" />
        <source>Hetzelfde gegeven werd op twee laptops anders ingevuld voor ze uitwisselden. Beide waarden blijven bewaard tot u er één kiest; alle laptops krijgen die bij de volgende uitwisseling.</source>
        <translation>The same item was filled in differently on two laptops before they exchanged. Both values are kept until you choose one; every laptop gets it at the next exchange.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="310" />
        <source>Er zijn geen open conflicten.</source>
        <translation>There are no open conflicts.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="323" />
        <location filename="../../amo_desktop/ui/exchange.py" line="433" />
        <source>Uitwisselen</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="327" />
        <source>Elke laptop wisselt versleutelde bestanden uit met de andere laptops van het team: via een gedeelde map (bij ontgrendelen, bij vergrendelen en om de vijf minuten) of met de hand, bv. op een USB-stick. Een coach krijgt alleen de eigen trajecten en de wachtlijst zonder namen.</source>
        <translation>Every laptop exchanges encrypted files with the team's other laptops: through a shared folder (at unlock, at lock and every five minutes) or by hand, e.g. on a USB stick. A coach receives only their own trajectories and the waiting list without names.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="352" />
        <source>Verwijderd uit het team</source>
        <translation>Removed from the team</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="353" />
        <source>Aangesloten</source>
        <translation>Joined</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="353" />
        <source>Uitgenodigd, nog niet aangesloten</source>
        <translation>Invited, not joined yet</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="375" />
        <source>Deze kluis hoort nog niet bij een team.</source>
        <translation>This vault is not part of a team yet.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="384" />
        <source>geen (alleen met de hand)</source>
        <translation>none (by hand only)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="387" />
        <source>De kluis zelf staat in een gesynchroniseerde of netwerkmap (%1). Zet ze liefst in een lokale map; alleen de uitwisselbestanden horen in de gedeelde map.</source>
        <translation>The vault itself is in a synced or network folder (%1). Keep it in a local folder; only the exchange files belong in the shared folder.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="395" />
        <source>Maak als teamverantwoordelijke een uitnodiging voor een coach; het team wordt dan ingesteld.</source>
        <translation>As team leader, make an invitation for a coach; that sets up the team.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="399" />
        <source>Vraag de teamverantwoordelijke om een uitnodiging.</source>
        <translation>Ask the team leader for an invitation.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="449" />
        <source>Niet alles ingelezen</source>
        <translation>Not everything was imported</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="458" />
        <source>Uitwisselbestand opslaan</source>
        <translation>Save exchange file</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="477" />
        <source>Uitwisselbestand geschreven</source>
        <translation>Exchange file written</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="479" />
        <source>Het bestand staat in %1. Geef het aan de andere laptops (het is versleuteld).</source>
        <translation>The file is in %1. Give it to the other laptops (it is encrypted).</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="484" />
        <source>Uitwisselbestand kiezen</source>
        <translation>Choose exchange file</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="498" />
        <source>Ingelezen van %1: %2 gewijzigde rijen, %3 nieuwe conflicten.</source>
        <translation>Imported from %1: %2 rows changed, %3 new conflicts.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="501" />
        <source>Ingelezen</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="510" />
        <location filename="../../amo_desktop/ui/exchange.py" line="512" />
        <source>Gedeelde map kiezen</source>
        <translation>Choose shared folder</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="531" />
        <location filename="../../amo_desktop/ui/exchange.py" line="537" />
        <location filename="../../amo_desktop/ui/exchange.py" line="540" />
        <source>Uitnodiging</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="532" />
        <source>Voeg eerst de coach toe bij Beheer &gt; Gebruikers.</source>
        <translation>First add the coach under Beheer &gt; Gebruikers.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="540" />
        <source>Voor wie is de uitnodiging?</source>
        <translation>Who is the invitation for?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="547" />
        <source>Uitnodiging opslaan</source>
        <translation>Save invitation</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="567" />
        <source>Uitnodiging gemaakt</source>
        <translation>Invitation made</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/exchange.py" line="569" />
        <source>De uitnodiging voor %1 staat in %2.

Eenmalige code: %3

Geef de code apart van het bestand door (bv. mondeling). De coach kiest bij de eerste start van AMO Desktop 'Aansluiten bij een team'. Geldig tot %4.</source>
        <translation>The invitation for %1 is in %2.

One-time code: %3

Pass the code on separately from the file (e.g. in person). At the first start of AMO Desktop the coach chooses 'Join a team'. Valid until %4.</translation>
    </message>
<message><source>Uitgevoerd</source><translation>Exported</translation></message><message><source>Geweigerd</source><translation>Refused</translation></message><message><source>Traject</source><translation>Trajectory</translation></message><message><source>Aanmelding</source><translation>Referral</translation></message><message><source>Jongere</source><translation>Young person</translation></message><message><source>Inschrijving</source><translation>Enrolment</translation></message><message><source>Contactmoment</source><translation>Session</translation></message><message><source>Verslag</source><translation>Note</translation></message><message><source>Doel</source><translation>Goal</translation></message><message><source>School</source><translation>School</translation></message><message><source>Vestiging</source><translation>Campus</translation></message><message><source>Contactpersoon</source><translation>Contact person</translation></message><message><source>Partner</source><translation>Partner</translation></message><message><source>Financier</source><translation>Funder</translation></message><message><source>Capaciteitsafspraak</source><translation>Capacity agreement</translation></message><message><source>Vrije dag</source><translation>Day off</translation></message><message><source>Klasgroep</source><translation>Class group</translation></message><message><source>Samenvatting</source><translation>Summary</translation></message><message><source>Status</source><translation>Status</translation></message><message><source>Geplande einde</source><translation>Planned end</translation></message><message><source>Einddatum</source><translation>End date</translation></message><message><source>Omschrijving</source><translation>Description</translation></message><message><source>Observaties</source><translation>Observations</translation></message><message><source>Afspraken</source><translation>Agreements</translation></message><message><source>Volgende stappen</source><translation>Next steps</translation></message><message><source>Adres</source><translation>Address</translation></message><message><source>Korte naam</source><translation>Short name</translation></message><message><source>Naam</source><translation>Name</translation></message><message><source>Hulpvraag</source><translation>Request for help</translation></message><message><source>Urgentie</source><translation>Urgency</translation></message><message><source>Voornaam</source><translation>First name</translation></message><message><source>Achternaam</source><translation>Last name</translation></message><message><source>Datum</source><translation>Date</translation></message><message><source>Beginuur</source><translation>Start time</translation></message><message><source>Duur (min)</source><translation>Duration (min)</translation></message><message><source>Plaats</source><translation>Location</translation></message><message><source>AMO-uitwisselbestand (*.amox)</source><translation>AMO exchange file (*.amox)</translation></message><message><source>AMO-uitnodiging (*.amoi)</source><translation>AMO invitation (*.amoi)</translation></message><message><source>1 wijziging wacht</source><translation>1 change waiting</translation></message><message><source>1 conflict</source><translation>1 conflict</translation></message><message><source>Volledige naam</source><translation>Full name</translation></message><message><source>Gebruikersnaam</source><translation>User name</translation></message><message><source>Actief</source><translation>Active</translation></message></context>
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="46" />
        <source>Organisatie en teamverantwoordelijke</source>
        <translation>Organisation and team leader</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="49" />
        <source>De teamverantwoordelijke beheert de kluis en voegt later de coaches toe. Kies een sterk wachtwoord dat u niet elders gebruikt.</source>
        <translation>The team leader manages the vault and adds the coaches later. Choose a strong password you do not use anywhere else.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="62" />
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="63" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="64" />
        <source>Volledige &amp;naam:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="65" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="72" />
        <source>&amp;Kluis maken</source>
        <translation>&amp;Create vault</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="137" />
        <source>Gebruiker toevoegen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="149" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="150" />
        <source>Volledige &amp;naam:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="151" />
        <source>&amp;Rol:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="152" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="154" />
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="156" />
        <source>Geef het wachtwoord persoonlijk door; de gebruiker kan het later wijzigen.</source>
        <translation>Pass the password on in person; the user can change it later.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="163" />
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="164" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="177" />
        <source>De wachtwoorden verschillen.</source>
        <translation>The passwords differ.</translation>
    </message>
</context>
<context>
    <name>Admin</name>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="103" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="228" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="289" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="440" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="944" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="290" />
        <source>Korte naam</source>
        <translation>Short name</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="291" />
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="293" />
        <source>Net</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="300" />
        <source>School &amp;toevoegen…</source>
        <translation>Add &amp;school…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="302" />
        <source>V&amp;estiging toevoegen…</source>
        <translation>Add &amp;campus…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="306" />
        <source>Nog geen scholen. Voeg de scholen toe waarmee het team werkt.</source>
        <translation>No schools yet. Add the schools the team works with.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="315" />
        <source>Scholen</source>
        <translation>Schools</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="340" />
        <source>School toevoegen</source>
        <translation>Add school</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="341" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="383" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="898" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1019" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1051" />
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="344" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="386" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="475" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="901" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1022" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1054" />
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="345" />
        <source>&amp;Korte naam:</source>
        <translation>&amp;Short name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="346" />
        <source>&amp;Gemeente:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="349" />
        <source>N&amp;et:</source>
        <translation>N&amp;etwork:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="350" />
        <source>(onbekend)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="382" />
        <source>Vestiging van %1</source>
        <translation>Campus of %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="387" />
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="393" />
        <source>Vestiging toegevoegd</source>
        <translation>Campus added</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="394" />
        <source>De vestiging is toegevoegd aan %1.</source>
        <translation>The campus was added to %1.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="424" />
        <source>Alle scholen</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="426" />
        <source>Vlaamse va&amp;kanties en feestdagen laden</source>
        <translation>&amp;Load Flemish holidays and public holidays</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="431" />
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="436" />
        <source>Tot en met</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="69" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="442" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="757" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="936" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="446" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="670" />
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="450" />
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="458" />
        <source>Nog geen vrije dagen in dit schooljaar. Laad de Vlaamse schoolvakanties en feestdagen, en voeg daarna de eigen vrije dagen van een school toe.</source>
        <translation>No days off in this school year yet. Load the Flemish school holidays and public holidays, then add a school's own days off.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="470" />
        <source>Vrije &amp;dag toevoegen</source>
        <translation>&amp;Add day off</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="474" />
        <source>Soor&amp;t:</source>
        <translation>K&amp;ind:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="476" />
        <source>V&amp;an:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="478" />
        <source>Tot &amp;en met:</source>
        <translation>U&amp;ntil:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="481" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="784" />
        <source>Schoo&amp;ljaar:</source>
        <translation>&amp;School year:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="483" />
        <source>Sch&amp;ool:</source>
        <translation>Sc&amp;hool:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="502" />
        <source>Eigen vrije dag toevoegen</source>
        <translation>Add a day off of its own</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="506" />
        <source>Voor de school die hierboven gekozen is, of voor alle scholen.</source>
        <translation>For the school chosen above, or for all schools.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="518" />
        <source>Vrije dagen</source>
        <translation>Days off</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="569" />
        <source>%1 vakanties en feestdagen toegevoegd voor %2.</source>
        <translation>%1 holidays and public holidays added for %2.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="574" />
        <source>De vakanties en feestdagen van %1 waren al geladen.</source>
        <translation>The holidays of %1 were already loaded.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="578" />
        <source>Vrije dagen geladen</source>
        <translation>Days off loaded</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="584" />
        <source>Niet geladen</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="672" />
        <source>Recht (uren)</source>
        <translation>Entitlement (hours)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="676" />
        <source>lesuren</source>
        <translation>teacher hours</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="678" />
        <source>begeleidingsuren</source>
        <translation>coaching hours</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="713" />
        <source>Volgt uit de afspraken: de uren van de urenoverdracht naar rato van de lesuren, plus de andere financiers.</source>
        <translation>Follows from the agreements: the transferred hours in proportion to the teacher hours, plus the other funders.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="727" />
        <source>Vul een aantal uren in, bv. 12,5.</source>
        <translation>Fill in a number of hours, e.g. 12.5.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="755" />
        <source>Financier</source>
        <translation>Funder</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="764" />
        <source>Financier &amp;toevoegen…</source>
        <translation>Add &amp;funder…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="793" />
        <source>Financiers</source>
        <translation>Funders</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="803" />
        <source>Capaciteitsafspraken</source>
        <translation>Capacity agreements</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="807" />
        <source>Typ in een cel het aantal uren (F2 of gewoon typen, Enter bewaart). Het recht per school wordt berekend: de uren van de urenoverdracht verdeeld naar rato van de lesuren, plus de uren van de andere financiers.</source>
        <translation>Type the number of hours in a cell (F2 or just type, Enter saves). The entitlement per school is calculated: the transferred hours shared in proportion to the teacher hours, plus the hours of the other funders.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="897" />
        <source>Financier toevoegen</source>
        <translation>Add funder</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="902" />
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1023" />
        <source>&amp;Soort:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="934" />
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="946" />
        <source>Functie</source>
        <translation>Function</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="950" />
        <source>Bij</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="956" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="957" />
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="964" />
        <source>Partner &amp;toevoegen…</source>
        <translation>Add &amp;partner…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="967" />
        <source>C&amp;ontactpersoon toevoegen…</source>
        <translation>Add &amp;contact…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="972" />
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="981" />
        <source>Contactpersonen</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1018" />
        <source>Partner toevoegen</source>
        <translation>Add partner</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1025" />
        <source>&amp;Contactgegevens:</source>
        <translation>&amp;Contact details:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1050" />
        <source>Contactpersoon toevoegen</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1056" />
        <source>&amp;Functie:</source>
        <translation>&amp;Function:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1059" />
        <source>(geen school)</source>
        <translation>(no school)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1062" />
        <source>&amp;School:</source>
        <translation>&amp;School:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1064" />
        <source>(geen partner)</source>
        <translation>(no partner)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1067" />
        <source>&amp;Partner:</source>
        <translation>&amp;Partner:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1068" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_reference.py" line="1069" />
        <source>&amp;Telefoon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="46" />
        <source>tot de jongere %1 jaar is</source>
        <translation>until the young person is %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="49" />
        <source>%1 jaar na het afsluiten</source>
        <translation>%1 years after closing</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="70" />
        <source>Aanbod</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="74" />
        <source>Bewaren</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="78" />
        <source>Herkomst</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="80" />
        <source>standaard</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="82" />
        <source>eigen</source>
        <translation>own</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="91" />
        <source>jaren na het afsluiten</source>
        <translation>years after closing</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="95" />
        <source>tot de leeftijd van</source>
        <translation>until the age of</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="99" />
        <source>Regel bewar&amp;en</source>
        <translation>&amp;Save rule</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="104" />
        <source>Rege&amp;l:</source>
        <translation>&amp;Rule:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="106" />
        <source>Waar&amp;de:</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="113" />
        <source>Dossier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="118" />
        <source>Te anonimiseren sinds</source>
        <translation>Due since</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="123" />
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="125" />
        <source>Aanmeldingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="133" />
        <source>Er is nu geen dossier waarvan de bewaartermijn voorbij is.</source>
        <translation>No file has passed its retention period now.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="137" />
        <source>&amp;Anonimiseren…</source>
        <translation>&amp;Anonymise…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="140" />
        <source>Alles selec&amp;teren</source>
        <translation>&amp;Select all</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="146" />
        <source>Bewaartermijnen</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="149" />
        <source>Hoe lang de gegevens van een jongere bewaard blijven, per soort aanbod. Daarna worden naam en vrije tekst gewist; de cijfers blijven tellen.</source>
        <translation>How long a young person's data is kept, per kind of offer. After that the name and free text are erased; the figures keep counting.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="167" />
        <source>Aan de beurt</source>
        <translation>Due now</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="218" />
        <source> jaar</source>
        <translation> years</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="220" />
        <source> jaar oud</source>
        <translation> years old</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="259" />
        <source>Dossiers anonimiseren</source>
        <translation>Anonymise files</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="260" />
        <source>%1 dossier(s) anonimiseren?

Namen, geboortedata en alle vrije tekst (hulpvragen, verslagen, doelen) worden definitief gewist. Dit kan niet ongedaan gemaakt worden, ook niet met een reservekopie van na vandaag. De aantallen in de rapporten blijven kloppen.</source>
        <translation>Anonymise %1 file(s)?

Names, birth dates and all free text (requests for help, notes, goals) are erased for good. This cannot be undone, not even with a backup made after today. The counts in the reports stay correct.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="267" />
        <source>&amp;Definitief anonimiseren</source>
        <translation>&amp;Anonymise for good</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="278" />
        <source>Niet geanonimiseerd</source>
        <translation>Not anonymised</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="285" />
        <source>Geanonimiseerd</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_retention.py" line="286" />
        <source>%1 dossier(s) geanonimiseerd.</source>
        <translation>%1 file(s) anonymised.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="77" />
        <location filename="../../amo_desktop/ui/admin_backup.py" line="284" />
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="81" />
        <source>Terugzetten van:
%1

Geef uw wachtwoord. De kluis zoals ze nu is, wordt eerst als automatische reservekopie bewaard. Daarna vergrendelt AMO Desktop en opent u de teruggezette kluis opnieuw.</source>
        <translation>Restoring:
%1

Enter your password. The vault as it is now is first kept as an automatic backup. AMO Desktop then locks and you open the restored vault again.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="93" />
        <source>Gebruiker:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="95" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="101" />
        <source>&amp;Terugzetten</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="118" />
        <source>Vul uw wachtwoord in.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="130" />
        <source>Dit wachtwoord is niet juist. Probeer opnieuw.</source>
        <translation>This password is not correct. Try again.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="148" />
        <source>&amp;Nu een reservekopie maken</source>
        <translation>&amp;Make a backup now</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="153" />
        <source>Gemaakt op</source>
        <translation>Made on</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="157" />
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="159" />
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="169" />
        <source>Nog geen automatische reservekopieën in de map van de kluis.</source>
        <translation>No automatic backups in the vault's folder yet.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="173" />
        <source>&amp;Terugzetten…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="176" />
        <source>&amp;Ander bestand terugzetten…</source>
        <translation>Restore &amp;another file…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="181" />
        <source>Map: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="194" />
        <source>Reservekopieën</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="197" />
        <source>Een reservekopie is versleuteld zoals de kluis zelf. AMO Desktop maakt er elke dag automatisch één en houdt de laatste tien bij. Bewaar af en toe een kopie op een andere plaats (menu Bestand &gt; Reservekopie maken…).</source>
        <translation>A backup is encrypted like the vault itself. AMO Desktop makes one automatically every day and keeps the last ten. Now and then keep a copy somewhere else (menu File &gt; Make backup…).</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="208" />
        <source>Automatische reservekopieën</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="226" />
        <source>Laatste reservekopie: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="227" />
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="239" />
        <source>Reservekopie wordt gemaakt en gecontroleerd…</source>
        <translation>Making and checking the backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="247" />
        <source>Reservekopie gemaakt en gecontroleerd: %1</source>
        <translation>Backup made and checked: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="261" />
        <source>Geen reservekopie</source>
        <translation>No backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="274" />
        <source>Reservekopie kiezen</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="275" />
        <source>AMO-reservekopie (*%1)</source>
        <translation>AMO backup (*%1)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="285" />
        <source>De hele kluis vervangen door de reservekopie van %1?

Alles wat na die reservekopie werd ingevoerd of gewijzigd, door u of door de coaches op deze computer, is daarna niet meer in de kluis. De huidige toestand wordt eerst als automatische reservekopie bewaard; die kunt u nadien terugzetten.</source>
        <translation>Replace the whole vault with the backup %1?

Everything entered or changed after that backup, by you or by the coaches on this computer, is no longer in the vault. The current state is first kept as an automatic backup, which you can restore afterwards.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="292" />
        <source>&amp;Vervangen door de reservekopie</source>
        <translation>&amp;Replace with the backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="306" />
        <source>De reservekopie wordt teruggezet…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="318" />
        <source>Teruggezet</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="319" />
        <source>De reservekopie is teruggezet. AMO Desktop vergrendelt nu; open de kluis opnieuw met uw wachtwoord.</source>
        <translation>The backup was restored. AMO Desktop locks now; open the vault again with your password.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_backup.py" line="337" />
        <source>Niet teruggezet</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="46" />
        <source>Kies een .xlsx- of .csv-bestand</source>
        <translation>Choose an .xlsx or .csv file</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="48" />
        <source>B&amp;laderen…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="50" />
        <source>Sj&amp;abloon opslaan…</source>
        <translation>Save &amp;template…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="52" />
        <source>C&amp;ontroleren</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="53" />
        <source>Inle&amp;zen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="64" />
        <source>Rij</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="68" />
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="71" />
        <source>Wat is er mis</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="78" />
        <source>B&amp;estand:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="90" />
        <source>Aanmeldingen importeren</source>
        <translation>Import referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="93" />
        <source>Neem aanmeldingen over uit Excel. Begin met het sjabloon: het heeft de juiste kolommen en een blad met de toegelaten waarden. Eerst wordt het hele bestand gecontroleerd; er wordt pas iets ingelezen als er geen enkel probleem meer is.</source>
        <translation>Take over referrals from Excel. Start from the template: it has the right columns and a sheet with the allowed values. The whole file is checked first; nothing is imported until there is not a single problem left.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="123" />
        <source>Bestand kiezen</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="124" />
        <source>Excel of CSV (*.xlsx *.csv)</source>
        <translation>Excel or CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="133" />
        <source>Sjabloon opslaan</source>
        <translation>Save template</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="135" />
        <source>Excel-werkmap (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="144" />
        <source>Sjabloon bewaard in %1.</source>
        <translation>Template saved in %1.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="154" />
        <location filename="../../amo_desktop/ui/admin_import.py" line="157" />
        <source>Niet bewaard</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="163" />
        <source>Kies eerst een bestand.</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="165" />
        <source>Kies een .xlsx- of .csv-bestand.</source>
        <translation>Choose an .xlsx or .csv file.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="167" />
        <source>Dit bestand bestaat niet.</source>
        <translation>This file does not exist.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="180" />
        <source>Het bestand wordt gecontroleerd…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="196" />
        <source>Geen problemen: %1 aanmelding(en) klaar om in te lezen.</source>
        <translation>No problems: %1 referral(s) ready to import.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="207" />
        <source>%1 probleem/problemen gevonden. Verbeter ze in het bestand, bewaar het en klik opnieuw op Controleren. Er is niets ingelezen.</source>
        <translation>%1 problem(s) found. Correct them in the file, save it and click Check again. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="217" />
        <source>Nieuwe scholen: %1.</source>
        <translation>New schools: %1.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="221" />
        <source>%1 opmerking(en), zie de tabel.</source>
        <translation>%1 remark(s), see the table.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="228" />
        <source>probleem</source>
        <translation>problem</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="229" />
        <source>opmerking</source>
        <translation>remark</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="239" />
        <source>De aanmeldingen worden ingelezen…</source>
        <translation>Importing the referrals…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="256" />
        <source>Klaar: %1 aanmelding(en) ingelezen.</source>
        <translation>Done: %1 referral(s) imported.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="263" />
        <source>Er is niets ingelezen: %1 probleem/problemen.</source>
        <translation>Nothing was imported: %1 problem(s).</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/admin_import.py" line="276" />
        <source>Het bestand kon niet gelezen worden: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Contactmoment</source>
        <translation>Contact type</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Sjabloon b&amp;ewaren</source>
        <translation>Save te&amp;mplate</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Stan&amp;daard herstellen…</source>
        <translation>Restore stan&amp;dard…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Ver&amp;loop:</source>
        <translation>Co&amp;urse:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>&amp;Observaties:</source>
        <translation>&amp;Observations:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>&amp;Afspraken:</source>
        <translation>&amp;Agreements:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Volgende s&amp;tappen:</source>
        <translation>Next s&amp;teps:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Een nieuw verslag begint met het sjabloon van zijn soort contactmoment. Wijzigingen gaan met de uitwisseling mee naar de laptops van de coaches.</source>
        <translation>A new note starts with the template of its kind of session. Changes travel to the coaches' laptops with the exchange.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Verslagsjablonen</source>
        <translation>Note templates</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Standaard herstellen</source>
        <translation>Restore standard</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Het sjabloon voor '%1' terugzetten naar de standaardtekst? Eigen wijzigingen gaan verloren; bestaande verslagen blijven zoals ze zijn.</source>
        <translation>Put the template for '%1' back to the standard text? Your own changes are lost; existing notes stay as they are.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Standaard &amp;herstellen</source>
        <translation>&amp;Restore standard</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/schools.py" line="1" />
        <source>School toegevoegd.</source>
        <translation>School added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/schools.py" line="1" />
        <source>Vestiging toegevoegd.</source>
        <translation>Campus added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/partners.py" line="1" />
        <source>Partner toegevoegd.</source>
        <translation>Partner added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/partners.py" line="1" />
        <source>Contactpersoon toegevoegd.</source>
        <translation>Contact added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/funders.py" line="1" />
        <source>Financier toegevoegd.</source>
        <translation>Funder added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/funders.py" line="1" />
        <source>Uren opgeslagen.</source>
        <translation>Hours saved.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/days_off.py" line="1" />
        <source>Vrije dag toegevoegd.</source>
        <translation>Day off added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/retention.py" line="1" />
        <source>Bewaarregel opgeslagen.</source>
        <translation>Retention rule saved.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/templates.py" line="1" />
        <source>Sjabloon voor '%1' opgeslagen.</source>
        <translation>Template for '%1' saved.</translation>
    </message>
    <message>
        <source>Aanmeldingsformulier m&amp;aken…</source>
        <translation>&amp;Make a referral form…</translation>
    </message>
    <message>
        <source>Een invulbaar pdf-formulier waarmee deze school een aanmelding doet.</source>
        <translation>A fillable PDF form with which this school makes a referral.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="105" />
        <source>Gebr&amp;uikers</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="106" />
        <source>&amp;Scholen</source>
        <translation>&amp;Schools</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="107" />
        <source>&amp;Vrije dagen</source>
        <translation>&amp;Days off</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="108" />
        <source>&amp;Financiers &amp;&amp; capaciteit</source>
        <translation>&amp;Funders &amp;&amp; capacity</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="109" />
        <source>&amp;Partners &amp;&amp; contacten</source>
        <translation>&amp;Partners &amp;&amp; contacts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="110" />
        <source>Be&amp;waartermijnen</source>
        <translation>&amp;Retention</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="111" />
        <source>&amp;Reservekopieën</source>
        <translation>Bac&amp;kups</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="112" />
        <source>I&amp;mporteren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/page.py" line="1" />
        <source>Verslags&amp;jablonen</source>
        <translation>Note &amp;templates</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="164" />
        <source>Toewijzen aan coach</source>
        <translation>Assign to coach</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="165" />
        <source>Wie begeleidt &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>Who coaches &lt;b&gt;%1&lt;/b&gt;?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="168" />
        <source>Kies de coach…</source>
        <translation>Choose the coach…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="175" />
        <source>De aanmelding krijgt de status 'Toegewezen' en er wordt een traject gepland. De coach start het traject zelf bij Trajecten.</source>
        <translation>The referral gets the status 'Assigned' and a trajectory is planned. The coach starts the trajectory in Trajectories.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="184" />
        <source>&amp;Coach:</source>
        <translation>&amp;Coach:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="185" />
        <source>C&amp;o-coaches:</source>
        <translation>C&amp;o-coaches:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="186" />
        <source>&amp;Startdatum:</source>
        <translation>&amp;Start date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="191" />
        <source>&amp;Toewijzen</source>
        <translation>&amp;Assign</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="192" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="243" />
        <source>Kies wie het traject leidt.</source>
        <translation>Choose who leads the trajectory.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="61" />
        <source>Traject &amp;meteen starten</source>
        <translation>Start the trajectory right a&amp;way</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="73" />
        <source>&amp;Belasting van de coaches</source>
        <translation>Coaches' &amp;workload</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="110" />
        <source>Belasting van de coaches</source>
        <translation>Coaches' workload</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="76" />
        <source>Het deel van de school wordt geladen…</source>
        <translation>Loading the school's share…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="28" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="102" />
        <source>Lopende trajecten</source>
        <translation>Running trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="102" />
        <source>Uren gepland (4 weken)</source>
        <translation>Hours planned (4 weeks)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="1" />
        <source>%1 heeft dit schooljaar geen afgesproken uren.</source>
        <translation>%1 has no agreed hours this school year.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="1" />
        <source>%1: %2 van %3 uur gebruikt of gepland (%4 %) dit schooljaar.</source>
        <translation>%1: %2 of %3 hours used or planned (%4 %) this school year.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="148" />
        <source>De aanmelding krijgt de status 'Gestart' en het traject loopt vanaf de startdatum.</source>
        <translation>The referral gets the status 'Started' and the trajectory runs from the start date.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="152" />
        <source>&amp;Toewijzen en starten</source>
        <translation>&amp;Assign and start</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="1" />
        <source>Traject gestart voor %1 met coach %2.</source>
        <translation>Trajectory started for %1 with coach %2.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/assign.py" line="1" />
        <source>%1 toegewezen aan coach %2.</source>
        <translation>%1 assigned to coach %2.</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="546" />
        <source>Aanwezigheid</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="548" />
        <source>&lt;b&gt;%1&lt;/b&gt; op %2 om %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; on %2 at %3.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="555" />
        <source>Aantal &amp;aanwezigen:</source>
        <translation>Number &amp;present:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="569" />
        <source>&amp;Aanwezigheid:</source>
        <translation>&amp;Attendance:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="581" />
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="582" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/sessions.py" line="1" />
        <source>Aanwezigheid opgeslagen.</source>
        <translation>Attendance saved.</translation>
    </message>
</context>
<context>
    <name>CancelScopeDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="516" />
        <source>Contactmoment annuleren</source>
        <translation>Cancel session</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="517" />
        <source>Wat annuleren?</source>
        <translation>What to cancel?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="522" />
        <source>&amp;Verder…</source>
        <translation>&amp;Next…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="523" />
        <source>&amp;Terug</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="525" />
        <source>&lt;b&gt;%1&lt;/b&gt; op %2 hoort bij een reeks.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; on %2 is part of a series.</translation>
    </message>
</context>
<context>
    <name>CapacityBars</name>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="70" />
        <source>geen afspraak · %1 u gebruikt, %2 u gepland</source>
        <translation>no agreement · %1 h used, %2 h planned</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="76" />
        <source>%1 + %2 van %3 u (%4 %)</source>
        <translation>%1 + %2 of %3 h (%4%)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="85" />
        <source>⚠ op of over 100 %</source>
        <translation>⚠ at or over 100%</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="87" />
        <source>⚠ boven 80 %</source>
        <translation>⚠ over 80%</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="168" />
        <source>gebruikt</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="169" />
        <source>gepland</source>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/charts.py" line="170" />
        <source>afgesproken deel</source>
        <translation>agreed share</translation>
    </message>
</context>
<context>
    <name>CaseloadModel</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="85" />
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="86" />
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="87" />
        <source>Aanbod</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="88" />
        <source>Coach</source>
        <translation>Coach</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="89" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="90" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="1" />
        <source>Wachtwoord gewijzigd.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="17" />
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="25" />
        <source>Hui&amp;dig wachtwoord:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="26" />
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="33" />
        <source>&amp;Wijzigen</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="34" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="60" />
        <source>Wachtwoord gewijzigd</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="61" />
        <source>Uw wachtwoord is gewijzigd.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="67" />
        <source>Het huidige wachtwoord is niet juist.</source>
        <translation>The current password is not correct.</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <location filename="../../amo_desktop/ui/clipboard.py" line="141" />
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="349" />
        <source>Traject afsluiten</source>
        <translation>Close trajectory</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="350" />
        <source>&amp;Afsluiten</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="353" />
        <source>Het traject van &lt;b&gt;%1&lt;/b&gt; en de aanmelding worden afgesloten.</source>
        <translation>The trajectory of &lt;b&gt;%1&lt;/b&gt; and its referral will be closed.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="359" />
        <source>Kies de reden…</source>
        <translation>Choose the reason…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="363" />
        <source>Kies de uitkomst…</source>
        <translation>Choose the outcome…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="369" />
        <source>&amp;Einddatum:</source>
        <translation>&amp;End date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="370" />
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="371" />
        <source>&amp;Uitkomst:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="372" />
        <source>&amp;Samenvatting:</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="377" />
        <source>Kies waarom het traject stopt.</source>
        <translation>Choose why the trajectory ends.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="380" />
        <source>Kies de uitkomst voor de schoolloopbaan.</source>
        <translation>Choose the outcome for the school career.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/dialogs.py" line="1" />
        <source>Traject van %1 afgesloten.</source>
        <translation>Trajectory of %1 closed.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../amo_desktop/ui/dialogs.py" line="14" />
        <source>Er ging iets mis in AMO Desktop. Wat u al bewaarde, blijft in de kluis.</source>
        <translation>Something went wrong in AMO Desktop. What you already saved stays in the vault.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/dialogs.py" line="19" />
        <source>Een verslag zonder persoonsgegevens staat in:
%1
Stuur het naar wie AMO Desktop onderhoudt.</source>
        <translation>A report without personal data is in:
%1
Send it to whoever maintains AMO Desktop.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/dialogs.py" line="24" />
        <source>Onverwachte fout</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="302" />
        <source>Doel evalueren</source>
        <translation>Evaluate goal</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="303" />
        <source>&amp;Evalueren</source>
        <translation>&amp;Evaluate</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="310" />
        <source>&amp;Evaluatie:</source>
        <translation>&amp;Evaluation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="311" />
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="312" />
        <source>&amp;Toelichting:</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/dialogs.py" line="1" />
        <source>Doel geëvalueerd: %1.</source>
        <translation>Goal evaluated: %1.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="618" />
        <source>Exporteren naar agenda (.ics)</source>
        <translation>Export to calendar (.ics)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="621" />
        <source>Met &amp;namen van jongeren en klassen</source>
        <translation>With &amp;names of young people and classes</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="625" />
        <source>Zonder namen staat in de agenda enkel de soort afspraak en de school. Een .ics-bestand is niet versleuteld: neem namen alleen op als dat echt nodig is.</source>
        <translation>Without names the calendar only shows the kind of appointment and the school. An .ics file is not encrypted: include names only when you really need them.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="635" />
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="636" />
        <source>&amp;Tot en met:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="642" />
        <source>&amp;Exporteren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="643" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="657" />
        <source>Kies een periode van hoogstens een jaar, van vroeg naar laat.</source>
        <translation>Choose a period of at most one year, from early to late.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="185" />
        <source>AMO Desktop instellen</source>
        <translation>Set up AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="188" />
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="189" />
        <source>&lt; V&amp;orige</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="190" />
        <source>&amp;Voltooien</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="191" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="204" />
        <source>Welkom bij AMO Desktop</source>
        <translation>Welcome to AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="207" />
        <source>Er is nog geen kluis op deze computer. Deze assistent maakt er een: een versleuteld bestand waarin alle gegevens van uw team staan.

De kluis komt in:
%1</source>
        <translation>There is no vault on this computer yet. This assistant creates one: an encrypted file that holds all of your team's data.

The vault will be in:
%1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="214" />
        <source>Een &amp;nieuwe kluis maken (teamverantwoordelijke)</source>
        <translation>Make a &amp;new vault (team leader)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="217" />
        <source>&amp;Aansluiten bij een team met een uitnodiging (coach)</source>
        <translation>&amp;Join a team with an invitation (coach)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="251" />
        <source>Kies het uitnodigingsbestand.</source>
        <translation>Choose the invitation file.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="278" />
        <source>Dit bestand kan niet gelezen worden.</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="331" />
        <source>Herstelsleutel opslaan</source>
        <translation>Save recovery key</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="331" />
        <source>Tekstbestand (*.txt)</source>
        <translation>Text file (*.txt)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="340" />
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="341" />
        <source>Het bestand kon niet worden geschreven. Kies een andere map.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="346" />
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="348" />
        <source>De herstelsleutel staat in %1. Druk hem af, bewaar hem veilig en verwijder dan het bestand.</source>
        <translation>The recovery key is in %1. Print it, keep it safe, then delete the file.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="153" />
        <source>zwak</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="155" />
        <source>matig</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="156" />
        <source>goed</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="157" />
        <source>sterk</source>
        <translation>strong</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="160" />
        <source>Sterkte: %1</source>
        <translation>Strength: %1</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="275" />
        <source>Doel toevoegen</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="276" />
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="279" />
        <source>Bv. Gaat elke dag naar school</source>
        <translation>E.g. Goes to school every day</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="283" />
        <source>&amp;Doel:</source>
        <translation>&amp;Goal:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="284" />
        <source>Do&amp;mein:</source>
        <translation>Do&amp;main:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="285" />
        <source>&amp;Gesteld op:</source>
        <translation>&amp;Set on:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/dialogs.py" line="1" />
        <source>Doel toegevoegd voor %1.</source>
        <translation>Goal added for %1.</translation>
    </message>
</context>
<context>
    <name>GoalsModel</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="151" />
        <source>Doel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="152" />
        <source>Domein</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="153" />
        <source>Gesteld op</source>
        <translation>Set on</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="154" />
        <source>Evaluatie</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="155" />
        <source>Geëvalueerd op</source>
        <translation>Evaluated on</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="157" />
        <source>&amp;Handleiding</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="160" />
        <source>&amp;Sneltoetsen</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="186" />
        <source>Overal</source>
        <translation>Everywhere</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="64" />
        <source>Handleiding</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="74" />
        <source>De handleiding is niet gevonden (%1).</source>
        <translation>The user guide was not found (%1).</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="571" />
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="572" />
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="573" />
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="574" />
        <source>Naar</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="575" />
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="81" />
        <source>Aansluiten bij een team</source>
        <translation>Join a team</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="84" />
        <source>Kies het uitnodigingsbestand van de teamverantwoordelijke en typ de eenmalige code die u apart kreeg. Kies dan een sterk wachtwoord voor deze laptop.</source>
        <translation>Choose the team leader's invitation file and type the one-time code you received separately. Then choose a strong password for this laptop.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="90" />
        <source>&amp;Bladeren…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="105" />
        <source>&amp;Uitnodiging:</source>
        <translation>&amp;Invitation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="106" />
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="107" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="114" />
        <source>&amp;Aansluiten</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="121" />
        <source>Uitnodiging kiezen</source>
        <translation>Choose invitation</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="122" />
        <source>AMO-uitnodiging (*.amoi)</source>
        <translation>AMO invitation (*.amoi)</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="134" />
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="137" />
        <source>Met deze sleutel opent u de kluis als iemand het wachtwoord vergeet. Hij wordt maar één keer getoond. Bewaar hem op papier op een veilige plaats, nooit bij de laptop.</source>
        <translation>This key opens the vault when someone forgets a password. It is shown only once. Keep it on paper in a safe place, never with the laptop.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="150" />
        <source>Opslaan als &amp;bestand…</source>
        <translation>Save as &amp;file…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="151" />
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="153" />
        <source>Ik heb de herstelsleutel &amp;bewaard</source>
        <translation>I have &amp;kept the recovery key</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../amo_desktop/ui/kit/list_page.py" line="1" />
        <source>&amp;Zoeken:</source>
        <translation>Sea&amp;rch:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" />
        <source>Schermen</source>
        <translation>Screens</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" />
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="60" />
        <source>Offline opvolging van trajecten voor de jongerencoaches.</source>
        <translation>Offline caseload tracking for the youth coaches.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="63" />
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="64" />
        <source>Cryptografie</source>
        <translation>Cryptography</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="119" />
        <source>Beheer</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="121" />
        <source>Uitwisselen</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="187" />
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="188" />
        <source>&amp;Reservekopie maken…</source>
        <translation>Make a &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="191" />
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="193" />
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="196" />
        <source>&amp;Ga naar</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="203" />
        <source>A&amp;ccount</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="204" />
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="207" />
        <source>&amp;Instellingen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="208" />
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="220" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="221" />
        <source>&amp;Over AMO Desktop</source>
        <translation>&amp;About AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="227" />
        <source>Gebruiker: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="228" />
        <source>Rol: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="229" />
        <source>Kluis ontgrendeld</source>
        <translation>Vault unlocked</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="251" />
        <source>Kluis ontgrendeld, wordt gecontroleerd…</source>
        <translation>Vault unlocked, being checked…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="253" />
        <source>Kluis beschadigd: alleen lezen</source>
        <translation>Vault damaged: read-only</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="266" />
        <source>Zet een reservekopie terug: Beheer › Reservekopieën › Terugzetten.</source>
        <translation>Restore a backup: Administration › Backups › Restore.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="268" />
        <source>Sluit het programma en vraag uw teamleider om hulp.</source>
        <translation>Close the program and ask your team leader for help.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="253" />
        <source>Kluis beschadigd</source>
        <translation>Vault damaged</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="274" />
        <source>Bij de controle na het ontgrendelen bleek het kluisbestand beschadigd. U kunt nog lezen, maar er wordt niets meer opgeslagen, zodat de schade niet groter wordt. %1</source>
        <translation>The check after unlocking found the vault file damaged. You can still read, but nothing is saved any more, so that the damage does not grow. %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="252" />
        <source>Laatste reservekopie: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="252" />
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="267" />
        <source>Uitwisselen: %1 bestand(en) geweigerd; zie de pagina Uitwisselen.</source>
        <translation>Exchange: %1 file(s) refused; see the Exchange page.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="277" />
        <source>Uitwisselen mislukt: %1</source>
        <translation>Exchange failed: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="285" />
        <source>Reservekopie maken</source>
        <translation>Make a backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="287" />
        <source>AMO-reservekopie (*%1)</source>
        <translation>AMO backup (*%1)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="291" />
        <source>Reservekopie wordt gemaakt…</source>
        <translation>Making the backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="302" />
        <source>Reservekopie gemaakt</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="303" />
        <source>De reservekopie is geschreven en gecontroleerd:
%1</source>
        <translation>The backup was written and verified:
%1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="309" />
        <source>Dagelijkse reservekopie gemaakt.</source>
        <translation>Daily backup made.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="318" />
        <source>Geen dagelijkse reservekopie</source>
        <translation>No daily backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="325" />
        <source>Geen reservekopie</source>
        <translation>No backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="337" />
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="338" />
        <source>De nieuwe taal wordt gebruikt vanaf de volgende start van AMO Desktop.</source>
        <translation>The new language is used from the next start of AMO Desktop.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="344" />
        <source>Over AMO Desktop</source>
        <translation>About AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="1" />
        <source>Reservekopie gemaakt.</source>
        <translation>Backup made.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="430" />
        <source>Contactmoment verplaatsen</source>
        <translation>Move session</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="432" />
        <source>&lt;b&gt;%1&lt;/b&gt; van %2 om %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; of %2 at %3.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="440" />
        <source>Wat verplaatsen?</source>
        <translation>What to move?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="445" />
        <source>Nieuwe &amp;datum:</source>
        <translation>New &amp;date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="446" />
        <source>Nieuw &amp;beginuur:</source>
        <translation>New &amp;start time:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="454" />
        <location filename="../../amo_desktop/ui/planning.py" line="472" />
        <source>&amp;Verplaatsen</source>
        <translation>&amp;Move</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="455" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="502" />
        <source>Toch &amp;verplaatsen</source>
        <translation>&amp;Move anyway</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/planning/dialogs.py" line="1" />
        <source>Contactmoment verplaatst.</source>
        <translation>Session moved.</translation>
    </message>
</context>
<context>
    <name>NewPassword</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="41" />
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="48" />
        <source>De wachtwoorden verschillen.</source>
        <translation>The passwords differ.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="104" />
        <source>Verslag – %1 – %2</source>
        <translation>Note – %1 – %2</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="113" />
        <source>Het verslag wordt geladen…</source>
        <translation>Loading the note…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="116" />
        <source>Wat gebeurde er? Waarover ging het gesprek?</source>
        <translation>What happened? What was the conversation about?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="117" />
        <source>Wat viel op?</source>
        <translation>What stood out?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="118" />
        <source>Wat spraken jullie af, wie doet wat?</source>
        <translation>What did you agree, who does what?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="119" />
        <source>Wat is de volgende stap?</source>
        <translation>What is the next step?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="122" />
        <source>Voortgang per doel</source>
        <translation>Progress per goal</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="130" />
        <source>&amp;Verloop:</source>
        <translation>&amp;Course:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="131" />
        <source>O&amp;bservaties:</source>
        <translation>&amp;Observations:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="132" />
        <source>&amp;Afspraken:</source>
        <translation>&amp;Agreements:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="133" />
        <source>Volgende &amp;stappen:</source>
        <translation>Next &amp;steps:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="134" />
        <source>&amp;Zichtbaarheid:</source>
        <translation>&amp;Visibility:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="140" />
        <source>S&amp;jabloon…</source>
        <translation>&amp;Template…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="143" />
        <source>Afspraken van vorige &amp;keer</source>
        <translation>Agreements of &amp;last time</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="145" />
        <source>V&amp;ersies…</source>
        <translation>V&amp;ersions…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="146" />
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="147" />
        <source>Bewaart een nieuwe versie (Ctrl+S)</source>
        <translation>Saves a new version (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="148" />
        <source>Sl&amp;uiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="218" />
        <source>— niet besproken —</source>
        <translation>— not discussed —</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="250" />
        <source>Nieuw verslag.</source>
        <translation>New note.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="290" />
        <source>Concept automatisch bewaard om %1 (nog geen nieuwe versie).</source>
        <translation>Draft saved automatically at %1 (not a new version yet).</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="296" />
        <source>Versie %1, opgeslagen op %2.</source>
        <translation>Version %1, saved on %2.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="310" />
        <source>Sjabloon '%1' ingevuld in de lege velden.</source>
        <translation>Template '%1' filled in the empty fields.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="325" />
        <source>Er zijn nog geen afspraken van een vorige keer.</source>
        <translation>There are no agreements from a previous time yet.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="329" />
        <source>De afspraken van vorige keer staan er al.</source>
        <translation>The agreements of last time are already there.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="331" />
        <source>Afspraken van vorige keer:</source>
        <translation>Agreements of last time:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="346" />
        <source>Er is niets gewijzigd sinds de laatste versie.</source>
        <translation>Nothing has changed since the last version.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/note_editor.py" line="1" />
        <source>Dit contactmoment ligt in de toekomst: schrijf het verslag na het gesprek.</source>
        <translation>This session lies in the future: write the note after the conversation.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/note_editor.py" line="1" />
        <source>Standaardsjabloon</source>
        <translation>Standard template</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/note_editor.py" line="1" />
        <source>Verslag opgeslagen (versie %1).</source>
        <translation>Note saved (version %1).</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="153" />
        <location filename="../../amo_desktop/ui/overview.py" line="252" />
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="172" />
        <source>Mijn sessies deze week</source>
        <translation>My sessions this week</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="178" />
        <source>Wachtlijst</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="180" />
        <source>wachten nu</source>
        <translation>waiting now</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="181" />
        <source>dagen: de langste wachttijd</source>
        <translation>days: the longest wait</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="182" />
        <source>dagen: de mediaan</source>
        <translation>days: the median</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="200" />
        <source>Capaciteit per school</source>
        <translation>Capacity per school</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="210" />
        <source>Aanmeldingen per schooljaar</source>
        <translation>Referrals per school year</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="259" />
        <source>Week van %1 · schooljaar %2</source>
        <translation>Week of %1 · school year %2</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="266" />
        <source>Geen sessies gepland deze week. Plan ze bij Planning.</source>
        <translation>No sessions planned this week. Plan them in Planning.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="282" />
        <source>Capaciteit per school (%1), in uren</source>
        <translation>Capacity per school (%1), in hours</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="292" />
        <source>Nog geen scholen. De teamverantwoordelijke voegt ze toe in Beheer.</source>
        <translation>No schools yet. The team leader adds them in Administration.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="295" />
        <source>Nog geen capaciteitsafspraken of sessies voor dit schooljaar. De teamverantwoordelijke legt de afspraken vast in Beheer.</source>
        <translation>No capacity agreements or sessions for this school year yet. The team leader records the agreements in Administration.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="300" />
        <source>Gebruikt = gegeven sessies tot vandaag; gepland = sessies die nog komen. De streepjes tonen 80 % en 100 % van het afgesproken deel.</source>
        <translation>Used = sessions given up to today; planned = sessions still to come. The marks show 80% and 100% of the agreed share.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="314" />
        <source>Dit schooljaar tot nu: %1 aanmeldingen.</source>
        <translation>This school year so far: %1 referrals.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="316" />
        <source>Vorig schooljaar in totaal: %1.</source>
        <translation>Previous school year in total: %1.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="82" />
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="83" />
        <source>Aanmeldingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="84" />
        <source>Wachtlijst</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="85" />
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="86" />
        <source>Trajecten</source>
        <translation>Trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/main_window.py" line="87" />
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../amo_desktop/ui/pdf_preview.py" line="102" />
        <source>Kies links een rapport en de gegevens ervoor, en klik op 'Rapport maken'. Het voorbeeld verschijnt hier.</source>
        <translation>Choose a report and its details on the left and click 'Make report'. The preview appears here.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pdf_preview.py" line="118" />
        <source>Kleiner (Ctrl+-)</source>
        <translation>Smaller (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pdf_preview.py" line="121" />
        <source>Groter (Ctrl++)</source>
        <translation>Larger (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pdf_preview.py" line="197" />
        <source>Pagina %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pdf_preview.py" line="211" />
        <source>%1 pagina('s)</source>
        <translation>%1 page(s)</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="702" />
        <location filename="../../amo_desktop/ui/planning.py" line="1129" />
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="704" />
        <source>◀ &amp;Vorige week</source>
        <translation>◀ &amp;Previous week</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="705" />
        <source>V&amp;andaag</source>
        <translation>T&amp;oday</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="706" />
        <source>Volgende &amp;week ▶</source>
        <translation>Next &amp;week ▶</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="708" />
        <source>&amp;Nieuw contactmoment…</source>
        <translation>&amp;New session…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="711" />
        <source>&amp;Exporteren (.ics)…</source>
        <translation>&amp;Export (.ics)…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="713" />
        <source>Ver&amp;plaatsen…</source>
        <translation>&amp;Move…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="715" />
        <source>Ann&amp;uleren…</source>
        <translation>Ca&amp;ncel…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="718" />
        <source>Aanwe&amp;zigheid…</source>
        <translation>Atten&amp;dance…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="720" />
        <source>Ve&amp;rslag…</source>
        <translation>No&amp;te…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="727" />
        <source>Mijn week</source>
        <translation>My week</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="728" />
        <source>Het hele team</source>
        <translation>The whole team</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="730" />
        <source>Wee&amp;kend</source>
        <translation>&amp;Weekend</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="736" />
        <source>&amp;Toon:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="867" />
        <source>Week %1 · %2 – %3</source>
        <translation>Week %1 · %2 – %3</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="878" />
        <source>Geen contactmomenten deze week. Dubbelklik op een uur of kies 'Nieuw contactmoment…' (Ctrl+N).</source>
        <translation>No sessions this week. Double-click an hour or choose 'New session…' (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="884" />
        <source>Afspraken van collega's staan als 'Bezet', zonder jongere of school.</source>
        <translation>Colleagues' appointments show as 'Busy', without young person or school.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="920" />
        <source>Kies een contactmoment (klik, of pijltjestoetsen in het rooster).</source>
        <translation>Choose a session (click, or the arrow keys in the grid).</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="927" />
        <source>geannuleerd</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="931" />
        <source>reeks</source>
        <translation>series</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1008" />
        <source>%1 op %2 en alle volgende contactmomenten van deze reeks annuleren?

Ze blijven zichtbaar als geannuleerd.</source>
        <translation>Cancel %1 on %2 and all following sessions of this series?

They stay visible as cancelled.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1013" />
        <source>%1 op %2 annuleren?

Het contactmoment blijft zichtbaar als geannuleerd.</source>
        <translation>Cancel %1 on %2?

The session stays visible as cancelled.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1019" />
        <source>Contactmoment annuleren</source>
        <translation>Cancel session</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1019" />
        <source>Contactmoment &amp;annuleren</source>
        <translation>C&amp;ancel session</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1065" />
        <source>Planning exporteren</source>
        <translation>Export planning</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1067" />
        <source>Agenda (*.ics)</source>
        <translation>Calendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1108" />
        <source>Planning geëxporteerd</source>
        <translation>Planning exported</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1110" />
        <source>%1 contactmomenten staan in
%2

Open het bestand in Outlook om ze te importeren.</source>
        <translation>%1 sessions are in
%2

Open the file in Outlook to import them.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1120" />
        <source>Niet geëxporteerd</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="1121" />
        <source>Het bestand kon niet geschreven worden: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/planning/page.py" line="1" />
        <source>%1 contactmoment(en) geannuleerd.</source>
        <translation>%1 session(s) cancelled.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/planning/page.py" line="1" />
        <source>Planning geëxporteerd naar %1.</source>
        <translation>Planning exported to %1.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../amo_desktop/ui/prompts.py" line="20" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="135" />
        <source>Wachtwoord vergeten</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="138" />
        <source>Vraag de teamverantwoordelijke om uw wachtwoord opnieuw in te stellen: u krijgt een eenmalig wachtwoord. Is er niemand die dat kan, typ dan de herstelsleutel over van het blad dat bij het instellen werd afgedrukt, en kies een nieuw wachtwoord.</source>
        <translation>Ask the team leader to reset your password: you get a one-time password. If nobody can, type the recovery key from the sheet printed during setup, and choose a new password.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="152" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="153" />
        <source>&amp;Herstelsleutel:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="154" />
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="161" />
        <source>Wachtwoord &amp;instellen</source>
        <translation>&amp;Set password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="162" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiptAction</name>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/receipt.py" line="31" />
        <source>Ontvangstbevestiging</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/receipt.py" line="32" />
        <source>De aanmelding is bewaard. Wilt u nu een ontvangstbevestiging met de verwachte wachttijd maken voor de school?</source>
        <translation>The referral is saved. Make a receipt with the expected wait for the school now?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/receipt.py" line="36" />
        <source>&amp;Bevestiging maken…</source>
        <translation>&amp;Make receipt…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/receipt.py" line="53" />
        <source>Ontvangstbevestiging opslaan als</source>
        <translation>Save receipt as</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/receipt.py" line="55" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/receipt.py" line="67" />
        <source>Ontvangstbevestiging bewaard in %1.</source>
        <translation>Receipt saved in %1.</translation>
    </message>
</context>
<context>
    <name>ReferralDetailPanel</name>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="699" />
        <source>Kies een aanmelding in de lijst om ze hier te zien.</source>
        <translation>Choose a referral in the list to see it here.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="725" />
        <source>Volgende stap</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="731" />
        <source>Toe&amp;wijzen aan coach…</source>
        <translation>&amp;Assign to coach…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="741" />
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="752" />
        <source>Ontvangen:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="753" />
        <source>School:</source>
        <translation>School:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="754" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="755" />
        <source>Aanbod:</source>
        <translation>Offer:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="756" />
        <source>Preventieniveau:</source>
        <translation>Prevention level:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="757" />
        <source>Urgentie:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="758" />
        <source>Redenen:</source>
        <translation>Reasons:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="759" />
        <source>Hulpvraag:</source>
        <translation>Request for help:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="760" />
        <source>Aanmelder:</source>
        <translation>Referred by:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="761" />
        <source>Verloop:</source>
        <translation>Course:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="774" />
        <source>(geen naam)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="777" />
        <source>, via het CLB</source>
        <translation>, via the CLB</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="779" />
        <source>intake</source>
        <translation>intake</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="780" />
        <source>wachtlijst sinds</source>
        <translation>waiting since</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="781" />
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="815" />
        <source>Starten en afsluiten doet u bij Trajecten.</source>
        <translation>Starting and closing is done in Trajectories.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="821" />
        <source>Toewijzen aan een coach doet de teamverantwoordelijke.</source>
        <translation>The team leader assigns to a coach.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="836" />
        <source>Deze aanmelding is afgerond: er volgt geen stap meer.</source>
        <translation>This referral is finished: no further step follows.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/detail.py" line="106" />
        <source>Ontvangstbe&amp;vestiging…</source>
        <translation>Recei&amp;pt…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/detail.py" line="108" />
        <source>Een bevestiging voor de school, met de verwachte wachttijd (PDF)</source>
        <translation>A receipt for the school, with the expected wait (PDF)</translation>
    </message>
</context>
<context>
    <name>ReferralFormDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="89" />
        <source>Nieuwe aanmelding</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="98" />
        <source>Kies een school…</source>
        <translation>Choose a school…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="106" />
        <source>Aangemeld via het &amp;CLB</source>
        <translation>Referred via the &amp;CLB</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="111" />
        <source>Aanmelding</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="114" />
        <source>&amp;Ontvangen op:</source>
        <translation>Rece&amp;ived on:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="115" />
        <source>&amp;Kanaal:</source>
        <translation>&amp;Channel:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="116" />
        <source>&amp;School:</source>
        <translation>&amp;School:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="120" />
        <source>Er zijn nog geen scholen. De teamverantwoordelijke voegt ze toe in Beheer.</source>
        <translation>There are no schools yet. The team leader adds them in Administration.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="126" />
        <source>&amp;Naam aanmelder:</source>
        <translation>Referrer &amp;name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="127" />
        <source>&amp;Functie:</source>
        <translation>&amp;Function:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="128" />
        <source>O&amp;rganisatie:</source>
        <translation>O&amp;rganisation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="130" />
        <source>&amp;Urgentie:</source>
        <translation>&amp;Urgency:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="131" />
        <source>&amp;Zorgcontinuüm:</source>
        <translation>Care &amp;phase:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="139" />
        <source>dd/mm/jjjj (mag leeg)</source>
        <translation>dd/mm/yyyy (may be empty)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="143" />
        <source>bv. 3B</source>
        <translation>e.g. 3B</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="145" />
        <source>bv. 3e jaar</source>
        <translation>e.g. 3rd year</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="147" />
        <source>bv. 2A</source>
        <translation>e.g. 2A</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="149" />
        <source>bv. 2e jaar</source>
        <translation>e.g. 2nd year</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="154" />
        <source>Wie hoort erbij en wat speelt er? Gebruik geen volledige namen.</source>
        <translation>Who belongs to it and what is going on? Do not use full names.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="160" />
        <source>&amp;Voornaam:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="161" />
        <source>&amp;Achternaam:</source>
        <translation>&amp;Last name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="162" />
        <source>&amp;Geboortedatum:</source>
        <translation>&amp;Birth date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="163" />
        <source>Geslach&amp;t:</source>
        <translation>Gen&amp;der:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="164" />
        <location filename="../../amo_desktop/ui/referral_form.py" line="169" />
        <source>K&amp;las:</source>
        <translation>Cl&amp;ass:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="165" />
        <location filename="../../amo_desktop/ui/referral_form.py" line="170" />
        <source>Stud&amp;iejaar:</source>
        <translation>Stud&amp;y year:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="171" />
        <source>&amp;Aantal leerlingen:</source>
        <translation>Number of &amp;pupils:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="175" />
        <source>Beschrijving:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="177" />
        <source>Een vraag over de school als geheel: geen extra gegevens nodig.</source>
        <translation>A question about the school as a whole: no further details needed.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="183" />
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="185" />
        <source>Soort onder&amp;werp:</source>
        <translation>Kind of s&amp;ubject:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="190" />
        <source>Kies het aanbod…</source>
        <translation>Choose the offer…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="193" />
        <source>Kies…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="211" />
        <source>Spatiebalk vinkt een reden aan of uit.</source>
        <translation>The space bar ticks a reason on or off.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="212" />
        <source>Aanbod en redenen</source>
        <translation>Offer and reasons</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="214" />
        <source>Aanbo&amp;d:</source>
        <translation>Offe&amp;r:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="215" />
        <source>&amp;Preventieniveau:</source>
        <translation>Pre&amp;vention level:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="216" />
        <source>R&amp;edenen:</source>
        <translation>R&amp;easons:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="221" />
        <source>Hulpvraag</source>
        <translation>Request for help</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="223" />
        <source>&amp;Hulpvraag:</source>
        <translation>Request for &amp;help:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="224" />
        <source>Al onderno&amp;men:</source>
        <translation>Already &amp;tried:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="227" />
        <source>De &amp;jongere geeft toestemming voor begeleiding</source>
        <translation>The &amp;young person consents to coaching</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="228" />
        <source>Ouders zijn op de hoogte</source>
        <translation>Parents are informed</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="229" />
        <source>Toestemming</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="233" />
        <source>Een traject met een jongere start pas met toestemming.</source>
        <translation>A trajectory with a young person starts only with consent.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="246" />
        <source>Bestaande aanmelding openen</source>
        <translation>Open the existing referral</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="247" />
        <source>Toch een nieuwe aanmelding maken</source>
        <translation>Create a new referral anyway</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="262" />
        <source>&amp;Bewaren</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="264" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="268" />
        <source>Enter of Ctrl+Enter bewaart, Escape annuleert.</source>
        <translation>Enter or Ctrl+Enter saves, Escape cancels.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="373" />
        <source>Vul de datum in als dd/mm/jjjj, bv. 14/03/2011.</source>
        <translation>Fill in the date as dd/mm/yyyy, e.g. 14/03/2011.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="452" />
        <source>Aanmelding niet bewaren?</source>
        <translation>Discard the referral?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="454" />
        <source>U hebt gegevens ingevuld die nog niet bewaard zijn. Sluit u het formulier, dan gaan ze verloren.</source>
        <translation>You filled in details that are not saved yet. If you close the form, they are lost.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referral_form.py" line="457" />
        <source>&amp;Niet bewaren</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/form.py" line="290" />
        <source>Op de wachtlijst</source>
        <translation>On the waiting list</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/form.py" line="291" />
        <source>In vraagverheldering</source>
        <translation>Clarifying the question</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/form.py" line="292" />
        <source>Nu toewijzen aan een coach</source>
        <translation>Assign to a coach now</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/form.py" line="289" />
        <source>Volgende stap</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/form.py" line="302" />
        <source>Bij 'Nu toewijzen' komt de aanmelding op de wachtlijst en kiest u de coach.</source>
        <translation>With 'Assign now' the referral goes on the waiting list and you choose the coach.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/form.py" line="427" />
        <source>De school gaat akkoord met de be&amp;geleiding</source>
        <translation>The school agrees to the &amp;coaching</translation>
    </message>
    <message>
        <source>Aanmelding uit formulier</source>
        <translation>Referral from a form</translation>
    </message>
    <message>
        <source>Uit het formulier %1 van %2. Kijk alles na en kies Bewaren.</source>
        <translation>From the form %1 of %2. Check everything and choose Save.</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="486" />
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="487" />
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="488" />
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="489" />
        <source>Aanbod</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="490" />
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="491" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="498" />
        <source> (heraanmelding)</source>
        <translation> (re-referral)</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="882" />
        <location filename="../../amo_desktop/ui/referrals.py" line="1105" />
        <source>Aanmeldingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="884" />
        <source>&amp;Nieuwe aanmelding…</source>
        <translation>&amp;New referral…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="888" />
        <source>&amp;Nieuwe aanmelding…  (Ctrl+N)</source>
        <translation>&amp;New referral…  (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="892" />
        <source>Zoeken op naam, school, aanbod…</source>
        <translation>Search by name, school, offer…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="896" />
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="897" />
        <source>Alle lopende</source>
        <translation>All open ones</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="900" />
        <source>Alle scholen</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="907" />
        <source>Alle schooljaren</source>
        <translation>All school years</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="915" />
        <source>&amp;Zoeken:</source>
        <translation>Sea&amp;rch:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="920" />
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="921" />
        <source>&amp;School:</source>
        <translation>Schoo&amp;l:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="922" />
        <source>Schoo&amp;ljaar:</source>
        <translation>School &amp;year:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="1038" />
        <source>%1 aanmeldingen</source>
        <translation>%1 referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="1039" />
        <source>%1 van %2 aanmeldingen</source>
        <translation>%1 of %2 referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="1040" />
        <source>De aanmeldingen worden geladen…</source>
        <translation>Loading the referrals…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="1042" />
        <source>Nog geen aanmeldingen. Kies 'Nieuwe aanmelding…' (Ctrl+N) om de eerste in te voeren.</source>
        <translation>No referrals yet. Choose 'New referral…' (Ctrl+N) to enter the first one.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="1045" />
        <source>Geen aanmeldingen voor deze zoekopdracht of filter.</source>
        <translation>No referrals for this search or filter.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/page.py" line="1" />
        <source>Aanmelding van %1 opgeslagen.</source>
        <translation>Referral of %1 saved.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/aanmeldingen/page.py" line="1" />
        <source>Status van %1 gewijzigd in '%2'.</source>
        <translation>Status of %1 changed to '%2'.</translation>
    </message>
    <message>
        <source>Aanmelding uit &amp;formulier…</source>
        <translation>Referral from &amp;form…</translation>
    </message>
    <message>
        <source>Aanmeldingsformulier &amp;maken…</source>
        <translation>&amp;Make a referral form…</translation>
    </message>
    <message>
        <source>F&amp;ormulier</source>
        <translation>F&amp;orm</translation>
    </message>
    <message>
        <source>Of sleep een ingevuld pdf-formulier van een school op de lijst.</source>
        <translation>Or drag a school's filled-in PDF form onto the list.</translation>
    </message>
    <message>
        <source>Ingevuld aanmeldingsformulier kiezen</source>
        <translation>Choose a filled-in referral form</translation>
    </message>
    <message>
        <source>Pdf-formulier (*.pdf)</source>
        <translation>PDF form (*.pdf)</translation>
    </message>
    <message>
        <source>%1 niet ingelezen</source>
        <translation>%1 not imported</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="125" />
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="220" />
        <source>Rapport &amp;maken</source>
        <translation>&amp;Make report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="447" />
        <source>Geef de reden van deze inzage; ze komt in het logboek.</source>
        <translation>Give the reason for this access request; it goes into the log.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="451" />
        <source>Zoek en kies eerst een jongere.</source>
        <translation>Search and choose a young person first.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="467" />
        <source>Het rapport wordt gemaakt…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="472" />
        <source>Klaar: %1.</source>
        <translation>Done: %1.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="475" />
        <source>Klaar. De cijfers zijn bewaard als stuurgroep %1.</source>
        <translation>Done. The figures are saved as steering meeting %1.</translation>
    </message>
</context>
<context>
    <name>PupilPicker</name>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="150" />
        <source>Typ een deel van de naam…</source>
        <translation>Type part of the name…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="365" />
        <source>Geen jongere gevonden.</source>
        <translation>No young person found.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="384" />
        <source>Gekozen: %1</source>
        <translation>Chosen: %1</translation>
    </message>
</context>
<context>
    <name>ReportParams</name>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="140" />
        <source>Andere periode…</source>
        <translation>Other period…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="177" />
        <source>bv. vraag van de ouders op 12/03</source>
        <translation>e.g. request by the parents on 12/03</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="180" />
        <source>Feedback en signalen voor de stuurgroep (enkel in het stuurgroeprapport)</source>
        <translation>Feedback and signals for the steering group (only in the steering report)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="183" />
        <source>Niet bewaren</source>
        <translation>Do not save</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="210" />
        <source>Vertrouwelijk: dit rapport bevat namen. Het maken, bewaren en afdrukken wordt gelogd. Bewaar het enkel op een beveiligde plaats en deel het alleen met wie het mag lezen.</source>
        <translation>Confidential: this report contains names. Making, saving and printing it is logged. Keep it only in a secure place and share it only with those allowed to read it.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="324" />
        <source>Het hele team</source>
        <translation>The whole team</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="331" />
        <source>Nee, een nieuw rapport maken</source>
        <translation>No, make a new report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="112" />
        <source>Stuurgroeprapport</source>
        <translation>Steering group report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="113" />
        <source>Schoolrapport</source>
        <translation>School report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="114" />
        <source>Financiersrapport</source>
        <translation>Funder report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="115" />
        <source>Signaal lokaal bestuur</source>
        <translation>Signal to local government</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="116" />
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="117" />
        <source>Trajectverslag</source>
        <translation>Trajectory report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="118" />
        <source>Inzage-export</source>
        <translation>Access export</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="171" />
        <source>Dossier (alle verslagen)</source>
        <translation>File (all notes)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="172" />
        <source>School (enkel wat deelbaar is met de school)</source>
        <translation>School (only what may be shared with the school)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="173" />
        <source>CLB (enkel wat deelbaar is met het CLB)</source>
        <translation>CLB (only what may be shared with the CLB)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="192" />
        <source>&amp;Rapport:</source>
        <translation>&amp;Report:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="193" />
        <source>&amp;Herdrukken:</source>
        <translation>Re&amp;print:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="194" />
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="195" />
        <source>&amp;Van:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="196" />
        <source>&amp;Tot en met:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="197" />
        <source>&amp;School:</source>
        <translation>&amp;School:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="198" />
        <source>&amp;Financier:</source>
        <translation>&amp;Funder:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="199" />
        <source>&amp;Gemeente:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="200" />
        <source>&amp;Coach:</source>
        <translation>&amp;Coach:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="201" />
        <source>&amp;Week van:</source>
        <translation>&amp;Week of:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="202" />
        <source>&amp;Jongere:</source>
        <translation>&amp;Young person:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="204" />
        <source>&amp;Voor:</source>
        <translation>F&amp;or:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="205" />
        <source>Re&amp;den:</source>
        <translation>Reas&amp;on:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="230" />
        <source>&amp;Feedback voor de stuurgroep:</source>
        <translation>&amp;Feedback for the steering group:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="231" />
        <source>Te&amp;kst voor deze school:</source>
        <translation>Te&amp;xt for this school:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="207" />
        <source>&amp;Stuurgroep:</source>
        <translation>S&amp;teering meeting:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="334" />
        <source>Stuurgroep %1 van %2 (%3)</source>
        <translation>Steering meeting %1 of %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="190" />
        <source>Optioneel: een tekst enkel voor %1, in dit schoolrapport</source>
        <translation>Optional: a text only for %1, in this school report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="138" />
        <source>%1 (tot vandaag)</source>
        <translation>%1 (up to today)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="185" />
        <source>Bewaren als stuurgroep %1</source>
        <translation>Save as steering meeting %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="190" />
        <source>deze school</source>
        <translation>this school</translation>
    </message>
</context>
<context>
    <name>ReportOutput</name>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="247" />
        <source>&amp;Opslaan als…</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="248" />
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="249" />
        <source>Openen in PDF-&amp;lezer…</source>
        <translation>Open in PDF &amp;reader…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="519" />
        <source>Rapport opslaan als</source>
        <translation>Save report as</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="521" />
        <source>PDF (*.pdf);;Excel-werkmap (*.xlsx);;JSON-gegevens (*.json)</source>
        <translation>PDF (*.pdf);;Excel workbook (*.xlsx);;JSON data (*.json)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="527" />
        <source>Rapport bewaard in %1.</source>
        <translation>Report saved in %1.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="534" />
        <source>Bewaar het rapport om het te openen</source>
        <translation>Save the report to open it</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="536" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="542" />
        <source>Rapport bewaard in %1 en geopend.</source>
        <translation>Report saved in %1 and opened.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="572" />
        <source>Niet bewaard</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="580" />
        <source>Rapport afdrukken</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="500" />
        <source>%1 – vertrouwelijk</source>
        <translation>%1 – confidential</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="598" />
        <source>%1 pagina('s) naar de printer gestuurd.</source>
        <translation>%1 page(s) sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="567" />
        <source>Het bestand kon niet geschreven worden: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="592" />
        <source>Niet afgedrukt</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/reports_page.py" line="592" />
        <source>De printer kon niet starten.</source>
        <translation>The printer could not start.</translation>
    </message>
</context>
<context>
    <name>ScopeBox</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="399" />
        <source>Alleen &amp;dit contactmoment</source>
        <translation>Only &amp;this session</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="400" />
        <source>Dit en de &amp;volgende van de reeks</source>
        <translation>This one and the &amp;following of the series</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../amo_desktop/ui/session.py" line="120" />
        <source>Dagelijkse reservekopie wordt gemaakt…</source>
        <translation>Making the daily backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/session.py" line="118" />
        <source>%1 mislukte pogingen sinds uw laatste aanmelding.</source>
        <translation>%1 failed attempts since your last sign-in.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/session.py" line="1" />
        <source>1 mislukte poging sinds uw laatste aanmelding.</source>
        <translation>1 failed attempt since your last sign-in.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/session.py" line="122" />
        <source>Mislukte pogingen</source>
        <translation>Failed attempts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/session.py" line="125" />
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/session.py" line="127" />
        <source>Uw wachtwoord voldoet niet meer aan de regels: minstens 12 tekens en moeilijk te raden. Het blijft werken, maar kies nu best een nieuw.</source>
        <translation>Your password no longer meets the rules: at least 12 characters and hard to guess. It still works, but you had better choose a new one now.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/session.py" line="130" />
        <source>Nu &amp;wijzigen</source>
        <translation>Change &amp;now</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="164" />
        <source>Contactmoment inplannen</source>
        <translation>Plan a session</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="167" />
        <source>Een traject (jongere of klas)</source>
        <translation>A trajectory (young person or class)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="168" />
        <source>Een school (klas- of schoolniveau)</source>
        <translation>A school (class or school level)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="170" />
        <source>Kies het traject…</source>
        <translation>Choose the trajectory…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="177" />
        <source>Kies de school…</source>
        <translation>Choose the school…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="192" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="198" />
        <source>Eenmalig</source>
        <translation>Once</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="200" />
        <source>&amp;Aantal keer:</source>
        <translation>&amp;Number of times:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="202" />
        <source>Tot en &amp;met:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="217" />
        <source>&amp;Voor:</source>
        <translation>F&amp;or:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="218" />
        <source>&amp;Traject:</source>
        <translation>&amp;Trajectory:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="219" />
        <source>&amp;School:</source>
        <translation>&amp;School:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="220" />
        <source>&amp;Coach:</source>
        <translation>&amp;Coach:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="221" />
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="222" />
        <source>&amp;Begin:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="223" />
        <source>D&amp;uur:</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="224" />
        <source>Soo&amp;rt:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="225" />
        <source>&amp;Locatie:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="226" />
        <source>&amp;Herhalen:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="227" />
        <source>Einde reeks:</source>
        <translation>End of series:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="234" />
        <source>Controleer voor u bevestigt</source>
        <translation>Check before you confirm</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="241" />
        <location filename="../../amo_desktop/ui/planning.py" line="305" />
        <location filename="../../amo_desktop/ui/planning.py" line="389" />
        <source>&amp;Inplannen</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="242" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="339" />
        <source>Kies het traject.</source>
        <translation>Choose the trajectory.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="342" />
        <source>Kies de school.</source>
        <translation>Choose the school.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="367" />
        <source>Er worden &lt;b&gt;%1&lt;/b&gt; contactmomenten ingepland: %2.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; sessions will be planned: %2.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="373" />
        <source>Overgeslagen (vakantie of vrije dag): %1.</source>
        <translation>Skipped (holiday or day off): %1.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/planning.py" line="382" />
        <source>&amp;Bevestigen</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/flows/sessions.py" line="1" />
        <source>%1 contactmoment(en) ingepland.</source>
        <translation>%1 session(s) planned.</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="80" />
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="81" />
        <location filename="../../amo_desktop/ui/trajectories.py" line="189" />
        <source>Uur</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="82" />
        <source>Met</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="83" />
        <location filename="../../amo_desktop/ui/trajectories.py" line="189" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="84" />
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="89" />
        <source>ma</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="90" />
        <source>di</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="91" />
        <source>wo</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="92" />
        <source>do</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="93" />
        <source>vr</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="94" />
        <source>za</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="95" />
        <source>zo</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/overview.py" line="105" />
        <source> (geannuleerd)</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="189" />
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="189" />
        <source>Aanwezigheid</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="200" />
        <source>Geannuleerd</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="129" />
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="132" />
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="132" />
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/help.py" line="132" />
        <source>Toetsen</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="329" />
        <source>Traject starten</source>
        <translation>Start trajectory</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="330" />
        <source>&amp;Starten</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="333" />
        <source>Het traject van &lt;b&gt;%1&lt;/b&gt; start; de aanmelding wordt 'Gestart'.</source>
        <translation>The trajectory of &lt;b&gt;%1&lt;/b&gt; starts; the referral becomes 'Started'.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="338" />
        <source>Start&amp;datum:</source>
        <translation>&amp;Start date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/dialogs.py" line="1" />
        <source>Traject van %1 gestart.</source>
        <translation>Trajectory of %1 started.</translation>
    </message>
</context>
<context>
    <name>TrajectoriesPage</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="573" />
        <location filename="../../amo_desktop/ui/trajectories.py" line="788" />
        <source>Trajecten</source>
        <translation>Trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="573" />
        <source>Mijn trajecten</source>
        <translation>My trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="577" />
        <source>Zoeken op naam, school, aanbod…</source>
        <translation>Search by name, school, offer…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="580" />
        <source>Alle statussen</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="584" />
        <source>Alle coaches</source>
        <translation>All coaches</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="586" />
        <source>Ook afges&amp;loten</source>
        <translation>Also c&amp;losed</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="588" />
        <source>&amp;Zoeken:</source>
        <translation>Sea&amp;rch:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="592" />
        <source>C&amp;oach:</source>
        <translation>&amp;Coach:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="597" />
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="715" />
        <source>%1 trajecten</source>
        <translation>%1 trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="716" />
        <source>%1 van %2 trajecten</source>
        <translation>%1 of %2 trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="717" />
        <source>De trajecten worden geladen…</source>
        <translation>Loading the trajectories…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="719" />
        <source>Nog geen trajecten. Een traject ontstaat wanneer de teamverantwoordelijke een aanmelding van de wachtlijst aan een coach toewijst.</source>
        <translation>No trajectories yet. A trajectory begins when the team leader assigns a referral from the waiting list to a coach.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="722" />
        <source>Geen trajecten voor deze zoekopdracht of filter.</source>
        <translation>No trajectories for this search or filter.</translation>
    </message>
</context>
<context>
    <name>TrajectoryDetail</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="419" />
        <source>Kies een traject in de lijst om de doelen en sessies te zien.</source>
        <translation>Choose a trajectory in the list to see its goals and sessions.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="423" />
        <source>Traject &amp;starten…</source>
        <translation>&amp;Start trajectory…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="424" />
        <source>Traject a&amp;fsluiten…</source>
        <translation>C&amp;lose trajectory…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="425" />
        <source>Contactmoment in&amp;plannen…</source>
        <translation>&amp;Plan a session…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="434" />
        <source>&amp;Doel toevoegen…</source>
        <translation>Add &amp;goal…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="435" />
        <source>&amp;Evalueren…</source>
        <translation>&amp;Evaluate…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="441" />
        <source>Aan&amp;wezigheid…</source>
        <translation>Atten&amp;dance…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="442" />
        <source>Ve&amp;rslag…</source>
        <translation>No&amp;te…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="467" />
        <source>Doelen</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="468" />
        <source>Sessies</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="494" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="495" />
        <source>Coach: %1</source>
        <translation>Coach: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="496" />
        <source>Start: %1</source>
        <translation>Start: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="500" />
        <source>Afgesloten op %1: %2 – %3</source>
        <translation>Closed on %1: %2 – %3</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="514" />
        <source>Start het traject om doelen te stellen.</source>
        <translation>Start the trajectory to set goals.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="516" />
        <source>Nog geen doelen.</source>
        <translation>No goals yet.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="522" />
        <source>Nog geen sessies: plan er een bij Planning.</source>
        <translation>No sessions yet: plan one in Planning.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="187" />
        <source>Voeg eerst een doel toe.</source>
        <translation>Add a goal first.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="189" />
        <source>Kies eerst een doel in de lijst.</source>
        <translation>Choose a goal in the list first.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="194" />
        <source>Kies eerst een sessie in de lijst.</source>
        <translation>Choose a session in the list first.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="199" />
        <source>Deze sessie is van een collega.</source>
        <translation>This session belongs to a colleague.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="200" />
        <source>Deze sessie is geannuleerd.</source>
        <translation>This session was cancelled.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="209" />
        <source>Dit traject is geannuleerd.</source>
        <translation>This trajectory was cancelled.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/trajecten/detail.py" line="210" />
        <source>Dit traject is afgesloten.</source>
        <translation>This trajectory is closed.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="622" />
        <source>Status wijzigen</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="624" />
        <source>Van &lt;b&gt;%1&lt;/b&gt; naar &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>From &lt;b&gt;%1&lt;/b&gt; to &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="630" />
        <source>Waarom? (komt in de geschiedenis)</source>
        <translation>Why? (goes into the history)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="636" />
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="640" />
        <source>Reden &amp;geen opstart:</source>
        <translation>Reason for &amp;not starting:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="642" />
        <source>&amp;Toelichting:</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="647" />
        <source>&amp;Wijzigen</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="648" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/referrals.py" line="664" />
        <source>Kies waarom het niet start.</source>
        <translation>Choose why it does not start.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="32" />
        <source>AMO Desktop ontgrendelen</source>
        <translation>Unlock AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="43" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="44" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="49" />
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="50" />
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="51" />
        <source>Wachtwoord &amp;vergeten?</source>
        <translation>&amp;Forgot password?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="85" />
        <source>Demo: het wachtwoord is '%1'.</source>
        <translation>Demo: the password is '%1'.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="96" />
        <source>Vul uw gebruikersnaam in.</source>
        <translation>Fill in your user name.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="206" />
        <source>Ontgrendelen (%1 s)</source>
        <translation>Unlock (%1 s)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="209" />
        <source>Te veel mislukte pogingen na elkaar. Wacht %1 seconden voor u opnieuw probeert.</source>
        <translation>Too many failed attempts in a row. Wait %1 seconds before you try again.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/unlock.py" line="136" />
        <source>Vergrendeld na %1 minuten zonder activiteit</source>
        <translation>Locked after %1 minutes without activity</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/unlock.py" line="136" />
        <source>Vergrendeld omdat het scherm van de computer vergrendeld werd</source>
        <translation>Locked because the computer's screen was locked</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/unlock.py" line="136" />
        <source>Vergrendeld op uw vraag</source>
        <translation>Locked at your request</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/unlock.py" line="212" />
        <source>Nog vergrendeld: kies bij het ontgrendelen uw eigen wachtwoord.</source>
        <translation>Still locked: choose your own password when you unlock.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="96" />
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="97" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="98" />
        <source>Rol</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="218" />
        <source>Gebruiker &amp;toevoegen…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="219" />
        <source>Verwij&amp;deren…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="221" />
        <source>Gebruikers</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="293" />
        <source>Gebruiker verwijderen</source>
        <translation>Remove user</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="295" />
        <source>%1 (%2) verwijderen?

Deze gebruiker kan de kluis daarna niet meer openen. Daarvoor wordt de sleutel van de kluis vernieuwd; dat kan even duren. Wat deze gebruiker vastlegde, blijft bewaard.</source>
        <translation>Remove %1 (%2)?

This user can no longer open the vault afterwards. For that the vault's key is renewed; this can take a moment. What this user recorded is kept.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="301" />
        <source>&amp;Verwijderen</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="318" />
        <source>Niet verwijderd</source>
        <translation>Not removed</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="98" />
        <source>Wachtwoord &amp;opnieuw instellen…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="98" />
        <source>Wachtwoord opnieuw ingesteld</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="109" />
        <source>Geef het eenmalige wachtwoord persoonlijk door aan %1. Bij het volgende ontgrendelen kiest %1 een eigen wachtwoord.</source>
        <translation>Hand the one-time password to %1 in person. At the next unlock %1 chooses their own password.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="1" />
        <source>Gebruiker %1 toegevoegd.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="1" />
        <source>Wachtwoord van %1 opnieuw ingesteld.</source>
        <translation>Password of %1 reset.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="1" />
        <source>Gebruiker %1 verwijderd.</source>
        <translation>User %1 removed.</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="434" />
        <source>Versies van het verslag</source>
        <translation>Versions of the note</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="453" />
        <source>Sl&amp;uiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="481" />
        <source>Dit verslag is nog niet bewaard.</source>
        <translation>This note has not been saved yet.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="493" />
        <source>Verloop</source>
        <translation>Course</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="494" />
        <source>Observaties</source>
        <translation>Observations</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="495" />
        <source>Afspraken</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="496" />
        <source>Volgende stappen</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="501" />
        <source>Zichtbaarheid: %1</source>
        <translation>Visibility: %1</translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="407" />
        <location filename="../../amo_desktop/ui/note_editor.py" line="417" />
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="407" />
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="407" />
        <source>Opgeslagen op</source>
        <translation>Saved on</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="407" />
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/note_editor.py" line="417" />
        <source>Concept</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>WaitlistModel</name>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="89" />
        <source>Plaats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="90" />
        <source>Ontvangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="91" />
        <source>School</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="92" />
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="93" />
        <source>Aanbod</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="94" />
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="95" />
        <source>Wacht (dagen)</source>
        <translation>Waiting (days)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="96" />
        <source>Schooldagen</source>
        <translation>School days</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="97" />
        <source>Waarom deze plaats</source>
        <translation>Why this place</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/wachtlijst/models.py" line="61" />
        <source>Verwachte wachttijd</source>
        <translation>Expected wait</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/wachtlijst/models.py" line="72" />
        <source>onvoldoende gegevens</source>
        <translation>not enough data</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/wachtlijst/models.py" line="73" />
        <source>%1–%2 weken</source>
        <translation>%1–%2 weeks</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/wachtlijst/models.py" line="82" />
        <source>Nog te wachten vanaf vandaag, geschat uit de wachttijden en de starts van de voorbije maanden: geen belofte.</source>
        <translation>Still to wait from today, estimated from the waits and starts of the past months: not a promise.</translation>
    </message>
</context>
<context>
    <name>WaitlistPage</name>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="317" />
        <location filename="../../amo_desktop/ui/waitlist.py" line="412" />
        <source>Wachtlijst</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="323" />
        <source>Volgorde: eerst de urgentie, dan de school die het minst van haar deel gebruikt, dan wie het langst wacht.</source>
        <translation>Order: first urgency, then the school that used least of its share, then who has waited longest.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="329" />
        <source>&amp;Toewijzen aan coach…</source>
        <translation>&amp;Assign to coach…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="333" />
        <source>&amp;Vernieuwen</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="350" />
        <source>U ziet geen namen: enkel de teamverantwoordelijke ziet wie er wacht. Uw eigen aanmeldingen vindt u bij Aanmeldingen.</source>
        <translation>You see no names: only the team leader sees who is waiting. Your own referrals are in Referrals.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="423" />
        <source>De wachtlijst wordt geladen…</source>
        <translation>Loading the waiting list…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="425" />
        <source>Niemand op de wachtlijst</source>
        <translation>Nobody on the waiting list</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="427" />
        <source>Niemand wacht. Een aanmelding komt hier met de stap 'Op wachtlijst' bij Aanmeldingen.</source>
        <translation>Nobody is waiting. A referral comes here with the step 'On waiting list' in Referrals.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/waitlist.py" line="433" />
        <source>%1 wachtend · langste wachttijd %2 dagen</source>
        <translation>%1 waiting · longest wait %2 days</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location filename="../../amo_desktop/ui/week_view.py" line="419" />
        <source>Geannuleerd</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/trajectories.py" line="235" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" line="1" />
        <source>Instellingen opgeslagen.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>&amp;Vergrendelen na:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Zonder toetsenbord of muis; geldt enkel voor u.</source>
        <translation>Without keyboard or mouse; applies to you only.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>&amp;Taal:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Vanaf de volgende start, voor iedereen op deze computer.</source>
        <translation>From the next start, for everyone on this computer.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>geen (alleen met de hand)</source>
        <translation>none (by hand only)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>&amp;Kiezen…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>&amp;Geen map</source>
        <translation>&amp;No folder</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Gedeelde &amp;map:</source>
        <translation>Shared &amp;folder:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Daar schrijft en leest AMO Desktop de uitwisselbestanden van het team; geldt voor deze kluis.</source>
        <translation>Where AMO Desktop writes and reads the team's exchange files; applies to this vault.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Eerst aansluiten bij een team op de pagina Uitwisselen.</source>
        <translation>Join a team first on the Exchange page.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/settings_dialog.py" />
        <source>Gedeelde map kiezen</source>
        <translation>Choose shared folder</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="115" />
        <source>Kies uw eigen wachtwoord</source>
        <translation>Choose your own password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="95" />
        <source>U opende AMO Desktop met een eenmalig wachtwoord van de teamverantwoordelijke. Kies nu uw eigen wachtwoord; alleen u kent het.</source>
        <translation>You opened AMO Desktop with a one-time password from the team leader. Choose your own password now; only you know it.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="69" />
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="2" />
        <source>Wachtwoord &amp;instellen</source>
        <translation>&amp;Set password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="71" />
        <source>Annuleren en &amp;vergrendelen</source>
        <translation>Cancel and &amp;lock</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/shell/password.py" line="115" />
        <source>Kies een ander wachtwoord dan het eenmalige.</source>
        <translation>Choose a password other than the one-time one.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="98" />
        <source>Wachtwoord opnieuw instellen</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="98" />
        <source>Wachtwoord &amp;instellen</source>
        <translation>&amp;Set password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="142" />
        <source>Een eenmalig wachtwoord voor %1 (%2). Bij het volgende ontgrendelen kiest deze gebruiker meteen een eigen wachtwoord. Geef het persoonlijk door.</source>
        <translation>A one-time password for %1 (%2). At the next unlock this user chooses their own password straight away. Hand it over in person.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="160" />
        <source>&amp;Eenmalig wachtwoord:</source>
        <translation>&amp;One-time password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/screens/beheer/users.py" line="165" />
        <source>Sterk wachtwoord &amp;voorstellen</source>
        <translation>Su&amp;ggest a strong password</translation>
    </message>
</context>
<context>
    <name>MakeFormDialog</name>
    <message>
        <source>Aanmeldingsformulier maken</source>
        <translation>Make a referral form</translation>
    </message>
    <message>
        <source>Een invulbaar pdf-formulier voor één school. De school vult het in op de computer en stuurt het terug; u leest het in met 'Aanmelding uit formulier…'.</source>
        <translation>A fillable PDF form for one school. The school fills it in on the computer and sends it back; you read it with 'Aanmelding uit formulier…'.</translation>
    </message>
    <message>
        <source>Kies een school…</source>
        <translation>Choose a school…</translation>
    </message>
    <message>
        <source>Voor een &amp;leerling</source>
        <translation>For a &amp;pupil</translation>
    </message>
    <message>
        <source>Voor een &amp;klas of groep</source>
        <translation>For a &amp;class or group</translation>
    </message>
    <message>
        <source>&amp;School:</source>
        <translation>&amp;School:</translation>
    </message>
    <message>
        <source>&amp;Maken…</source>
        <translation>&amp;Make…</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kies de school.</source>
        <translation>Choose the school.</translation>
    </message>
    <message>
        <source>klas</source>
        <translation>class</translation>
    </message>
    <message>
        <source>leerling</source>
        <translation>pupil</translation>
    </message>
    <message>
        <source>Aanmeldingsformulier %1.pdf</source>
        <translation>Referral form %1.pdf</translation>
    </message>
    <message>
        <source>Aanmeldingsformulier bewaren</source>
        <translation>Save referral form</translation>
    </message>
    <message>
        <source>Pdf (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Aanmeldingsformulier bewaard</source>
        <translation>Referral form saved</translation>
    </message>
    <message>
        <source>Het formulier staat in %1. Stuur het naar de school; het ingevulde formulier leest u in met 'Aanmelding uit formulier…' of door het op de lijst te slepen.</source>
        <translation>The form is in %1. Send it to the school; read the filled-in form back with 'Aanmelding uit formulier…' or by dragging it onto the list.</translation>
    </message>
</context>
</TS>
