import type { id } from "./messages.id";

export const en: Record<keyof typeof id, string> = {
  "home.pageTitle": "Home",
  "home.eyebrow": "Good-practice forum for regional government",
  "home.title": "Learn from regions that made it work",
  "home.welcomeBack": "Welcome back, {name}",
  "home.lead":
    "Rembuk brings governors, regents, mayors and agency heads together to share practices that worked: the problem, the steps taken, the cost and the results.",
  "home.point.share.title": "Share good practice",
  "home.point.share.body": "Describe a programme that worked in your region so others can follow it.",
  "home.point.discuss.title": "Discuss live",
  "home.point.discuss.body": "Ask the people who ran a programme about the details, right in the thread.",
  "home.point.qa.title": "Live Q&A",
  "home.point.qa.body": "Join Q&A sessions with regional leaders and experts, and read the archive any time.",
  "home.cta.register": "Register now",
  "home.cta.login": "I already have an account",
  "home.rooms.title": "Discussion rooms",
  "home.rooms.lead": "Each room covers one area of government affairs.",
  "home.rooms.empty.title": "No discussion rooms yet",
  "home.rooms.empty.body": "Rooms will appear here once the organisers open them.",
  "home.rooms.error.title": "Discussion rooms could not be loaded",
  "home.rooms.error.body": "Check your connection, then try again.",
};
