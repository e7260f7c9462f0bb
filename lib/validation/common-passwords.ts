// Passwords that attackers try first: global leak-list favourites and their Indonesian
// counterparts. Compared after lower-casing and after stripping the digits and symbols
// people tack on ("Password2026!" is "password"), so the list stays short.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // international top lists
  "password", "passw0rd", "qwerty", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abc", "abcdef", "abcdefgh",
  "iloveyou", "admin", "administrator", "welcome", "letmein", "monkey", "dragon", "football", "baseball",
  "sunshine", "princess", "superman", "batman", "starwars", "trustno", "master", "shadow", "michael",
  "jennifer", "jordan", "hunter", "ranger", "buster", "soccer", "hockey", "killer", "charlie", "andrew",
  "computer", "internet", "samsung", "google", "facebook", "whatever", "freedom", "secret", "changeme",
  "default", "login", "access", "root", "toor", "test", "tester", "testing", "guest", "user", "demo",
  "qazwsx", "qwer", "asdf", "zaq", "azerty", "pokemon", "naruto", "flower", "lovely", "loveyou",
  "passwordpassword", "adminadmin", "qwertyqwerty", "blink", "matrix", "mustang", "harley", "ginger",
  "chelsea", "liverpool", "arsenal", "barcelona", "realmadrid", "manchester", "juventus", "cristiano",
  "ronaldo", "messi", "spiderman", "ironman", "avengers", "minecraft", "fortnite", "mobilelegends",
  // Indonesian favourites
  "rahasia", "rahasiaku", "sandi", "katasandi", "kata sandi", "katakunci", "sayang", "sayangku", "cinta",
  "cintaku", "aku", "akusayangkamu", "akucintakamu", "kamu", "indonesia", "indonesiaraya", "merdeka",
  "jakarta", "bandung", "surabaya", "semarang", "yogyakarta", "jogja", "medan", "makassar", "bismillah",
  "alhamdulillah", "allahuakbar", "subhanallah", "mashaallah", "insyaallah", "garuda", "pancasila",
  "bhinneka", "nusantara", "persib", "persija", "arema", "bonek", "pemda", "pemkab", "pemkot", "pemprov",
  "diskominfo", "kominfo", "kemenpan", "kemenpanrb", "spbe", "spbemandiri", "sekda", "bupati", "walikota",
  "gubernur", "asn", "pns", "pegawai", "kantor", "dinas", "admin opd", "adminopd", "operator", "koordinator",
  "asesor", "pimpinan", "selamat", "selamatdatang", "masuk", "rumah", "keluarga", "anakku", "mama", "papa",
  "ibu", "bapak", "mamaku", "papaku", "sukses", "berhasil", "semangat", "kopi", "nasigoreng", "sate",
]);

/** Keyboard and counting runs that are long enough to pass a length rule but guessed instantly. */
export const SEQUENCES = ["0123456789", "1234567890", "9876543210", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
