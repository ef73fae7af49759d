#pragma once

#include <string>

/// The statements that read the same in SQLite and in MySQL/MariaDB, written once for both adapters.
/// What differs by dialect (upserts, the last inserted id) stays in each adapter.
namespace lacuna::portable_sql {

inline const std::string SELECT_GAP_COLUMNS =
    "SELECT g.id, g.reference, g.title, g.description, g.kind, g.category, g.municipality, g.priority, "
    "g.confidential, g.pending_lawsuits, g.exposure_rials, g.provisions, g.state, g.version, g.created_by, "
    "u.username AS created_by_name, g.created_at, g.updated_at, g.due_at, g.co_reporters FROM gaps g ";
inline const std::string JOIN_CREATOR = "JOIN users u ON u.id = g.created_by ";
inline const std::string SELECT_GAP = SELECT_GAP_COLUMNS + JOIN_CREATOR;
inline const std::string SELECT_GAP_BY_ID = SELECT_GAP + "WHERE g.id = ?";
inline const std::string SELECT_GAP_BY_REFERENCE = SELECT_GAP + "WHERE g.reference = ?";
inline const std::string SELECT_REFERENCE = "SELECT last FROM reference_counters WHERE year = ?";
inline const std::string INSERT_GAP =
    "INSERT INTO gaps (reference, title, description, search_text, kind, category, municipality, priority, "
    "priority_rank, confidential, pending_lawsuits, exposure_rials, state, version, created_by, created_at, "
    "updated_at, provisions, due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)";
inline const std::string UPDATE_GAP =
    "UPDATE gaps SET title = ?, description = ?, search_text = ?, kind = ?, category = ?, priority = ?, "
    "priority_rank = ?, confidential = ?, pending_lawsuits = ?, exposure_rials = ?, state = ?, "
    "version = version + 1, updated_at = ?, provisions = ? WHERE id = ? AND version = ?";
inline const std::string DELETE_PROVISIONS = "DELETE FROM gap_provisions WHERE gap_id = ?";
inline const std::string INSERT_PROVISION =
    "INSERT INTO gap_provisions (gap_id, position, law, article, provision_key) VALUES (?, ?, ?, ?, ?)";
inline const std::string INSERT_EVENT =
    "INSERT INTO gap_events (gap_id, sequence, at, actor_id, actor_name, client_address, type, changes, "
    "from_state, to_state, transition, comment, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline const std::string SELECT_EVENTS =
    "SELECT id, gap_id, sequence, at, actor_id, actor_name, client_address, type, changes, from_state, "
    "to_state, transition, comment, fields FROM gap_events WHERE gap_id = ? ORDER BY sequence";

inline const std::string INSERT_USER =
    "INSERT INTO users (username, password_hash, municipality, roles, created_at) VALUES (?, ?, ?, ?, ?)";
inline const std::string SELECT_USER =
    "SELECT id, username, password_hash, municipality, roles, created_at FROM users ";
inline const std::string SELECT_USER_BY_NAME = SELECT_USER + "WHERE username = ?";
inline const std::string SELECT_USER_BY_ID = SELECT_USER + "WHERE id = ?";
inline const std::string SELECT_USERS = SELECT_USER + "ORDER BY username";
inline const std::string COUNT_USERS = "SELECT COUNT(*) FROM users";
inline const std::string INSERT_SESSION =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)";
inline const std::string SELECT_SESSION_USER =
    "SELECT u.id, u.username, u.password_hash, u.municipality, u.roles, u.created_at FROM sessions s "
    "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? AND s.revoked_at IS NULL";
inline const std::string REVOKE_SESSION =
    "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";
inline const std::string INSERT_FAILURE =
    "INSERT INTO login_failures (username, client, at) VALUES (?, ?, ?)";
inline const std::string COUNT_FAILURES_BY_USERNAME =
    "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE username = ? AND at > ?";
inline const std::string COUNT_FAILURES_BY_CLIENT =
    "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE client = ? AND at > ?";
inline const std::string DELETE_FAILURES = "DELETE FROM login_failures WHERE username = ?";

}  // namespace lacuna::portable_sql
