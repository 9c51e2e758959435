// Words members use for what a FAQ page calls by another name ("uninstall" for "remove", "pc"
// for "computer"): groups of words that mean the same in a help channel, whatever the product.
// A query word the knowledge base never uses is looked up here and matched as the group's
// words the base does use, at a discount (term-index.ts). Words the base uses are never
// replaced, so a group can only add matches a fresh import would otherwise miss.
//
// Written here rather than taken from a thesaurus: WordNet's synsets mix senses ("run" has 57),
// and what a support channel treats as the same thing ("donate" / "sponsor", "bug" / "issue")
// is narrower. Only words with the same sense in any product's FAQ belong here; product names
// and one community's slang belong in that base's alternates and keywords.
import type { Language } from '../language/languages.js';

/**
 * English groups, one per line. A member may be two words ("open source") if neither is a stop
 * word: the index drops stop words, so "turn off" would stand for "turn" alone.
 */
const ENGLISH = `
remove, uninstall, delete, erase, purge
install, installation, setup
update, upgrade, updating
download, downloading
phone, mobile, smartphone, cellphone
computer, pc, desktop, laptop
price, cost, pricing, fee, charge, paid, pay
donate, donation, sponsor, patreon
bug, glitch, defect
error, exception
slow, lag, laggy, sluggish, latency
login, signin, logon
signup, register, registration
password, passcode, passphrase, pwd
email, mail, e-mail
change, modify, edit, adjust, alter
rebind, remap, reassign
keybind, keybinding, hotkey, shortcut
configure, configuration, config, settings, preferences, options
disable, deactivate
enable, activate
restore, recover, recovery
migrate, migration, transfer, move
documentation, docs, manual, guide, wiki
buy, purchase
refund, reimburse
cancel, unsubscribe
deliver, delivery, shipping, ship
picture, image, photo, screenshot, pic
music, song, audio
permission, access
private, privacy
safe, secure, security
run, execute, launch
folder, directory
link, url
website, site, webpage, homepage
app, application, program, software
version, release
newest, latest
outdated, obsolete, old, legacy
difference, differ, versus, vs, compare, comparison
alternative, replacement
memory, ram
processor, cpu
connection, connect, connectivity
notification, alert, notify
message, msg
suggestion, suggest, request, proposal, idea
moderator, mod, admin, administrator, staff
ban, banned, block, blocked
rule, guideline, policy
license, licence, licensing
foss, open source, opensource
mac, macos, osx
iphone, ipad, ios
fix, solve, resolve, repair, troubleshoot
uptime, availability, downtime, reliability, reliable
team, developer, dev, devs, maintainer, author
cheap, affordable, inexpensive
quit, exit
start, begin, beginning
beginner, newbie, noob, newcomer, novice
avatar, pfp, profile picture
dm, pm, direct message, private message
contribute, contribution, pr, prs, pull request
mean, meaning, stand, acronym, abbreviation
made, created
`;

/** German: umlauts may be written out or left off; the analyzer folds them. */
const GERMAN = `
löschen, entfernen, deinstallieren
aktualisieren, aktualisierung, update, upgrade
installieren, installation, einrichten, einrichtung
handy, smartphone, mobiltelefon
rechner, computer, pc, laptop
preis, kosten, gebühr, bezahlen
spenden, spende, unterstützen, sponsern
fehler, bug
passwort, kennwort
anmelden, einloggen, login
registrieren, registrierung, konto erstellen
ändern, bearbeiten, anpassen
einstellungen, konfiguration, optionen
deaktivieren, abschalten, ausschalten
aktivieren, einschalten, anschalten
anleitung, dokumentation, handbuch, doku
kaufen, bestellen
kündigen, abbestellen
lieferung, versand, zustellung
bild, foto, screenshot
`;

/** Spanish: accents may be left off; the analyzer folds them. */
const SPANISH = `
eliminar, borrar, desinstalar, quitar
actualizar, actualización, update
instalar, instalación, configurar
móvil, celular, teléfono, smartphone
ordenador, computadora, pc, portátil
precio, costo, coste, tarifa, pagar
donar, donación, patrocinar
error, fallo, bug
contraseña, clave
registrarse, registro
cambiar, modificar, editar, ajustar
desactivar, apagar
activar, encender
manual, documentación, guía, tutorial
comprar, adquirir
cancelar, anular
envío, entrega, reparto
imagen, foto, captura
`;

const GROUPS: Readonly<Record<Language, readonly (readonly string[])[]>> = {
  en: parse(ENGLISH),
  de: parse(GERMAN),
  es: parse(SPANISH),
};

function parse(list: string): string[][] {
  return list
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean),
    );
}

/** The synonym groups of a language. */
export function synonymGroups(language: Language): readonly (readonly string[])[] {
  return GROUPS[language];
}
