import { describe } from "vitest";
import { describePg } from "../pg/pg-database.js";
import { storeCases } from "./backend-cases.js";
import { postgresBackend, sqliteBackend } from "./backend-under-test.js";

// The same behavioural cases on both store backends.
describe("store backend: SQLite", () => storeCases(sqliteBackend()));
describePg("store backend: PostgreSQL", () => storeCases(postgresBackend()));
