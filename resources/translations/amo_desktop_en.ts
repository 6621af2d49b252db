<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="nl_BE">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="43" />
        <source>Organisatie en teamverantwoordelijke</source>
        <translation>Organisation and team leader</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="46" />
        <source>De teamverantwoordelijke beheert de kluis en voegt later de coaches toe. Kies een sterk wachtwoord dat u niet elders gebruikt.</source>
        <translation>The team leader manages the vault and adds the coaches later. Choose a strong password you do not use anywhere else.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="59" />
        <source>&amp;Organisatie:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="60" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="61" />
        <source>Volledige &amp;naam:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="62" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="64" />
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="69" />
        <source>&amp;Kluis maken</source>
        <translation>&amp;Create vault</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="136" />
        <source>Gebruiker toevoegen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="148" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="149" />
        <source>Volledige &amp;naam:</source>
        <translation>Full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="150" />
        <source>&amp;Rol:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="151" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="153" />
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="155" />
        <source>Geef het wachtwoord persoonlijk door; de gebruiker kan het later wijzigen.</source>
        <translation>Pass the password on in person; the user can change it later.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="162" />
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="163" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="176" />
        <source>De wachtwoorden verschillen.</source>
        <translation>The passwords differ.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="90" />
        <source>&amp;Gebruikers</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="93" />
        <source>Later volgen hier: scholen en vestigingen, vrije dagen, financiers en capaciteitsafspraken, partners, bewaartermijnen, reservekopieën en import uit Excel.</source>
        <translation>Coming here later: schools and campuses, days off, funders and capacity agreements, partners, retention periods, backups and import from Excel.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="100" />
        <source>&amp;Meer</source>
        <translation>&amp;More</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="17" />
        <source>Wachtwoord wijzigen</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="25" />
        <source>&amp;Huidig wachtwoord:</source>
        <translation>&amp;Current password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="26" />
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/password.py" line="28" />
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
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
        <location filename="../../amo_desktop/ui/password.py" line="46" />
        <source>De wachtwoorden verschillen.</source>
        <translation>The passwords differ.</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="129" />
        <source>AMO Desktop instellen</source>
        <translation>Set up AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="132" />
        <source>&amp;Volgende &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="133" />
        <source>&lt; V&amp;orige</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="134" />
        <source>&amp;Voltooien</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="135" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="146" />
        <source>Welkom bij AMO Desktop</source>
        <translation>Welcome to AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="149" />
        <source>Er is nog geen kluis op deze computer. Deze assistent maakt er een: een versleuteld bestand waarin alle gegevens van uw team staan.

De kluis komt in:
%1</source>
        <translation>There is no vault on this computer yet. This assistant creates one: an encrypted file that holds all of your team's data.

The vault will be in:
%1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="172" />
        <source>De wachtwoorden verschillen.</source>
        <translation>The passwords differ.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="210" />
        <source>Herstelsleutel opslaan</source>
        <translation>Save recovery key</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="210" />
        <source>Tekstbestand (*.txt)</source>
        <translation>Text file (*.txt)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="219" />
        <source>Niet opgeslagen</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="220" />
        <source>Het bestand kon niet worden geschreven. Kies een andere map.</source>
        <translation>The file could not be written. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="225" />
        <source>Opgeslagen</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="227" />
        <source>De herstelsleutel staat in %1. Druk hem af, bewaar hem veilig en verwijder dan het bestand.</source>
        <translation>The recovery key is in %1. Print it, keep it safe, then delete the file.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="120" />
        <source>Zwak: gebruik minstens 8 tekens</source>
        <translation>Weak: use at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="121" />
        <source>Matig</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="122" />
        <source>Redelijk</source>
        <translation>Reasonable</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="123" />
        <source>Sterk</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="124" />
        <source>Zeer sterk</source>
        <translation>Very strong</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/forms.py" line="127" />
        <source>Sterkte: %1</source>
        <translation>Strength: %1</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="78" />
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="81" />
        <source>Met deze sleutel opent u de kluis als iemand het wachtwoord vergeet. Hij wordt maar één keer getoond. Bewaar hem op papier op een veilige plaats, nooit bij de laptop.</source>
        <translation>This key opens the vault when someone forgets a password. It is shown only once. Keep it on paper in a safe place, never with the laptop.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="94" />
        <source>Opslaan als &amp;bestand…</source>
        <translation>Save as &amp;file…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="95" />
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/wizard.py" line="97" />
        <source>Ik heb de herstelsleutel &amp;bewaard</source>
        <translation>I have &amp;kept the recovery key</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="35" />
        <source>Offline opvolging van trajecten voor de jongerencoaches.</source>
        <translation>Offline caseload tracking for the youth coaches.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="38" />
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="39" />
        <source>Cryptografie</source>
        <translation>Cryptography</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="91" />
        <source>Beheer</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="123" />
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="124" />
        <source>&amp;Reservekopie maken…</source>
        <translation>Make a &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="127" />
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="129" />
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="132" />
        <source>&amp;Ga naar</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="139" />
        <source>A&amp;ccount</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="140" />
        <source>&amp;Wachtwoord wijzigen…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="143" />
        <source>&amp;Instellingen</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="144" />
        <source>&amp;Taal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="156" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="157" />
        <source>&amp;Over AMO Desktop</source>
        <translation>&amp;About AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="163" />
        <source>Gebruiker: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="164" />
        <source>Rol: %1</source>
        <translation>Role: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="165" />
        <source>Kluis ontgrendeld</source>
        <translation>Vault unlocked</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="177" />
        <source>Laatste reservekopie: %1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="177" />
        <source>nog geen</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="185" />
        <source>Reservekopie maken</source>
        <translation>Make a backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="187" />
        <source>AMO-reservekopie (*%1)</source>
        <translation>AMO backup (*%1)</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="191" />
        <source>Reservekopie wordt gemaakt…</source>
        <translation>Making the backup…</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="202" />
        <source>Reservekopie gemaakt</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="203" />
        <source>De reservekopie is geschreven en gecontroleerd:
%1</source>
        <translation>The backup was written and verified:
%1</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="212" />
        <source>Geen reservekopie</source>
        <translation>No backup</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="224" />
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="225" />
        <source>De nieuwe taal wordt gebruikt vanaf de volgende start van AMO Desktop.</source>
        <translation>The new language is used from the next start of AMO Desktop.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/main_window.py" line="231" />
        <source>Over AMO Desktop</source>
        <translation>About AMO Desktop</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="16" />
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="17" />
        <source>Hier komen uw sessies van deze week, de grootte van de wachtlijst en de langste wachttijd, de capaciteit per school en het aantal aanmeldingen van dit schooljaar.</source>
        <translation>Coming here: your sessions this week, the size of the waiting list and the longest wait, capacity per school and the referrals of this school year.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="25" />
        <source>Aanmeldingen</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="26" />
        <source>Hier komt de lijst van aanmeldingen, met zoeken en filteren, een formulier voor een nieuwe aanmelding en de geschiedenis van elke aanmelding.</source>
        <translation>Coming here: the list of referrals with search and filters, a form for a new referral and the history of each referral.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="33" />
        <source>Wachtlijst</source>
        <translation>Waiting list</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="34" />
        <source>Hier komt de wachtlijst in volgorde, met de reden voor elke plaats. Van hieruit wijst u een jongere toe aan een coach.</source>
        <translation>Coming here: the ordered waiting list with the reason for each place. From here you assign a young person to a coach.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="41" />
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="42" />
        <source>Hier komt de weekplanning per coach en voor het team, met schoolvakanties, reeksen van sessies en export naar Outlook.</source>
        <translation>Coming here: the week plan per coach and for the team, with school holidays, series of sessions and export to Outlook.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="49" />
        <source>Trajecten</source>
        <translation>Trajectories</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="50" />
        <source>Hier komen uw trajecten: doelen, sessies en verslagen, met sjablonen en automatisch bewaarde concepten.</source>
        <translation>Coming here: your trajectories with goals, sessions and notes, templates and automatically saved drafts.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="57" />
        <source>Rapporten</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="58" />
        <source>Hier komen de rapporten voor het team en voor de financiers.</source>
        <translation>Coming here: the reports for the team and for the funders.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../amo_desktop/ui/pages.py" line="74" />
        <source>Dit onderdeel is nog in voorbereiding.</source>
        <translation>This part is still being prepared.</translation>
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
        <location filename="../../amo_desktop/ui/unlock.py" line="134" />
        <source>Wachtwoord vergeten</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="137" />
        <source>Typ de herstelsleutel over van het blad dat bij het instellen werd afgedrukt, en kies een nieuw wachtwoord.</source>
        <translation>Type the recovery key from the sheet printed during setup, and choose a new password.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="151" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="152" />
        <source>&amp;Herstelsleutel:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="153" />
        <source>&amp;Nieuw wachtwoord:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="155" />
        <source>&amp;Herhaal wachtwoord:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="160" />
        <source>Wachtwoord &amp;instellen</source>
        <translation>&amp;Set password</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="161" />
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="174" />
        <source>De wachtwoorden verschillen.</source>
        <translation>The passwords differ.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="33" />
        <source>AMO Desktop ontgrendelen</source>
        <translation>Unlock AMO Desktop</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="44" />
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="45" />
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="50" />
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="51" />
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="52" />
        <source>Wachtwoord &amp;vergeten?</source>
        <translation>&amp;Forgot password?</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="86" />
        <source>Demo: het wachtwoord is '%1'.</source>
        <translation>Demo: the password is '%1'.</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/unlock.py" line="97" />
        <source>Vul uw gebruikersnaam in.</source>
        <translation>Fill in your user name.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="95" />
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="96" />
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../amo_desktop/ui/users.py" line="97" />
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
        <source>&amp;Verwijderen…</source>
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
        <location filename="../../amo_desktop/ui/users.py" line="319" />
        <source>Niet verwijderd</source>
        <translation>Not removed</translation>
    </message>
</context>
</TS>