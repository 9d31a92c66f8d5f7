/** Generated from docs/openapi.json by `npm run openapi`: do not edit. */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: 200 once the API can serve
         * @description Liveness: 200 once the API can serve. Public: no token needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API as an OpenAPI 3.1 document
         * @description This API as an OpenAPI 3.1 document. Public: no token needed.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Categories with their deadline policies
         * @description Categories with their deadline policies. Public: no token needed.
         */
        get: operations["listCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace a category and its deadline policy
         * @description Create or replace a category and its deadline policy. Needs a bearer token with one of the roles: admin.
         */
        put: operations["putCategory"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/areas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Administrative units under a parent (provinces when no parent)
         * @description Administrative units under a parent (provinces when no parent). Public: no token needed.
         */
        get: operations["listAreas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/areas/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One administrative unit
         * @description One administrative unit. Public: no token needed.
         */
        get: operations["getArea"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Units that answer tickets
         * @description Units that answer tickets. Public: no token needed.
         */
        get: operations["listDepartments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace a department
         * @description Create or replace a department. Needs a bearer token with one of the roles: admin.
         */
        put: operations["putDepartment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Routing rules, filterable by category and area
         * @description Routing rules, filterable by category and area. Needs a bearer token with one of the roles: admin.
         */
        get: operations["listRoutingRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace a routing rule
         * @description Create or replace a routing rule. Needs a bearer token with one of the roles: admin.
         */
        put: operations["putRoutingRule"];
        post?: never;
        /**
         * Delete a routing rule
         * @description Delete a routing rule. Needs a bearer token with one of the roles: admin.
         */
        delete: operations["deleteRoutingRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which department a ticket would go to
         * @description Which department a ticket would go to. Needs a bearer token with one of the roles: staff, admin.
         */
        post: operations["previewRouting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate the answer; not_satisfied reopens (twice: escalates)
         * @description Rate the answer; not_satisfied reopens (twice: escalates). Needs a bearer token with one of the roles: citizen.
         */
        post: operations["rateTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counters and rates for a scope and period
         * @description Counters and rates for a scope and period. Needs a bearer token with one of the roles: manager, admin.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Departments ranked by a rate, small samples apart
         * @description Departments ranked by a rate, small samples apart. Needs a bearer token with one of the roles: manager, admin.
         */
        get: operations["getMetricsRanking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The metrics report as CSV
         * @description The metrics report as CSV. Needs a bearer token with one of the roles: manager, admin.
         */
        get: operations["exportMetricsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One CSV row per ticket received in a scope and period, without personal data, in parts
         * @description One CSV row per ticket received in a scope and period, without personal data, in parts. Needs a bearer token with one of the roles: manager, admin.
         */
        get: operations["exportTicketsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per department: received, processed, on-time and satisfaction rates
         * @description Per department: received, processed, on-time and satisfaction rates. Public: no token needed.
         */
        get: operations["getPublicScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Processed tickets their owners left public, without personal data
         * @description Processed tickets their owners left public, without personal data. Public: no token needed.
         */
        get: operations["listPublicTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned POST for one photo (ticket: citizens; evidence: staff)
         * @description A presigned POST for one photo (ticket: citizens; evidence: staff). Needs a bearer token with one of the roles: citizen, staff, admin.
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An upload: pending, ready (with its size and thumbnail), rejected (with the reason) or attached
         * @description An upload: pending, ready (with its size and thumbnail), rejected (with the reason) or attached. Needs a bearer token with one of the roles: citizen, staff, admin.
         */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit feedback; honours Idempotency-Key
         * @description Submit feedback; honours Idempotency-Key. Needs a bearer token with one of the roles: citizen.
         */
        post: operations["createTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Already reported? Open tickets near a point, nearest first, without personal data
         * @description Already reported? Open tickets near a point, nearest first, without personal data. Public: no token needed.
         */
        get: operations["getNearbyTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Follow a public ticket or your own ("me too"); idempotent
         * @description Follow a public ticket or your own ("me too"); idempotent. Needs a bearer token with one of the roles: citizen.
         */
        post: operations["followTicket"];
        /**
         * Stop following a ticket; idempotent
         * @description Stop following a ticket; idempotent. Needs a bearer token with one of the roles: citizen.
         */
        delete: operations["unfollowTicket"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket, as the caller may see it
         * @description A ticket, as the caller may see it. Needs a bearer token with one of the roles: citizen, staff, manager, admin.
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the caller is: role, department, manager scope and name, for the apps' home screens
         * @description Who the caller is: role, department, manager scope and name, for the apps' home screens. Needs a bearer token with one of the roles: citizen, staff, manager, admin.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Erase the caller's personal data: 202 with the erasure's id; done within minutes, records and counters kept anonymised
         * @description Erase the caller's personal data: 202 with the erasure's id; done within minutes, records and counters kept anonymised. Needs a bearer token with one of the roles: citizen.
         */
        delete: operations["eraseMe"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ticket-refs/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket by its short reference (e.g. HN-261202-0042), as the caller may see it
         * @description A ticket by its short reference (e.g. HN-261202-0042), as the caller may see it. Needs a bearer token with one of the roles: citizen, staff, manager, admin.
         */
        get: operations["getTicketByRef"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tickets, newest first
         * @description The caller's tickets, newest first. Needs a bearer token with one of the roles: citizen.
         */
        get: operations["listMyTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A ticket's events, oldest first; internal notes for staff, managers and admins
         * @description A ticket's events, oldest first; internal notes for staff, managers and admins. Needs a bearer token with one of the roles: citizen, staff, manager, admin.
         */
        get: operations["getTicketHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The owner adds information; from needs_info the ticket goes back to in_progress
         * @description The owner adds information; from needs_info the ticket goes back to in_progress. Needs a bearer token with one of the roles: citizen.
         */
        post: operations["commentOnTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge, request info, respond, transfer, reject, note, set severity or close, at an expected version
         * @description Acknowledge, request info, respond, transfer, reject, note, set severity or close, at an expected version. Needs a bearer token with one of the roles: staff, admin.
         */
        post: operations["actOnTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{id}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A department's queue, soonest due first, or most followed first (sort=followers)
         * @description A department's queue, soonest due first, or most followed first (sort=followers). Needs a bearer token with one of the roles: staff, manager, admin.
         */
        get: operations["listDepartmentTickets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/holidays/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One year's public holidays (working-hours calendar)
         * @description One year's public holidays (working-hours calendar). Needs a bearer token with one of the roles: admin.
         */
        get: operations["getHolidays"];
        /**
         * Replace one year's public holidays
         * @description Replace one year's public holidays. Needs a bearer token with one of the roles: admin.
         */
        put: operations["putHolidays"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's in-app inbox, newest first
         * @description The caller's in-app inbox, newest first. Needs a bearer token with one of the roles: citizen, staff, manager, admin.
         */
        get: operations["listMyNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Marks one of the caller’s notifications read (idempotent)
         * @description Marks one of the caller’s notifications read (idempotent). Needs a bearer token with one of the roles: citizen, staff, manager, admin.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's notification channels and language
         * @description The caller's notification channels and language. Needs a bearer token with one of the roles: citizen.
         */
        get: operations["getMyPreferences"];
        /**
         * Replaces the caller's notification channels and language
         * @description Replaces the caller's notification channels and language. Needs a bearer token with one of the roles: citizen.
         */
        put: operations["putMyPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A department's notifications: new work, citizens' replies, overdue, escalations
         * @description A department's notifications: new work, citizens' replies, overdue, escalations. Needs a bearer token with one of the roles: staff, manager, admin.
         */
        get: operations["listDepartmentNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{id}/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Marks one of a department's notifications read for the whole unit (its staff, or an admin)
         * @description Marks one of a department's notifications read for the whole unit (its staff, or an admin). Needs a bearer token with one of the roles: staff, admin.
         */
        post: operations["markDepartmentNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/response-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prepared answer, question and rejection texts (vi and en) for a category and kind of action
         * @description Prepared answer, question and rejection texts (vi and en) for a category and kind of action. Needs a bearer token with one of the roles: staff, manager, admin.
         */
        get: operations["listResponseTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/response-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace a response template
         * @description Create or replace a response template. Needs a bearer token with one of the roles: admin.
         */
        put: operations["putResponseTemplate"];
        post?: never;
        /**
         * Delete a response template
         * @description Delete a response template. Needs a bearer token with one of the roles: admin.
         */
        delete: operations["deleteResponseTemplate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy-notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The privacy notice in force (vi, en): its version is what POST /v1/tickets must carry as consentVersion
         * @description The privacy notice in force (vi, en): its version is what POST /v1/tickets must carry as consentVersion. Public: no token needed.
         */
        get: operations["getPrivacyNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything stored about the caller, as one JSON document (docs/privacy.md lists each field)
         * @description Everything stored about the caller, as one JSON document (docs/privacy.md lists each field). Needs a bearer token with one of the roles: citizen.
         */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/erasure/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the caller's erasure stands: pending or done
         * @description Where the caller's erasure stands: pending or done. Needs a bearer token with one of the roles: citizen.
         */
        get: operations["getMyErasure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which officials (unit and role) read a ticket's personal data, when and through which route: for its owner and admins
         * @description Which officials (unit and role) read a ticket's personal data, when and through which route: for its owner and admins. Needs a bearer token with one of the roles: citizen, admin.
         */
        get: operations["getTicketAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open311: discovery, services or requests (GET), as .json or .xml
         * @description Open311: discovery, services or requests (GET), as .json or .xml. Public: no token needed.
         */
        get: operations["open311GetResource"];
        put?: never;
        /**
         * Open311: file a service request (requests.json or requests.xml, form-encoded, api_key)
         * @description Open311: file a service request (requests.json or requests.xml, form-encoded, api_key). Public: no token needed.
         */
        post: operations["open311PostRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open311: a service definition (its attributes), as <code>.json or <code>.xml
         * @description Open311: a service definition (its attributes), as <code>.json or <code>.xml. Public: no token needed.
         */
        get: operations["open311GetService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open311: one service request, as <id>.json or <id>.xml
         * @description Open311: one service request, as <id>.json or <id>.xml. Public: no token needed.
         */
        get: operations["open311GetRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open311: the service request id of a token
         * @description Open311: the service request id of a token. Public: no token needed.
         */
        get: operations["open311GetToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/open311-clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or replace an Open311 client; the reply carries its new api_key, shown once
         * @description Create or replace an Open311 client; the reply carries its new api_key, shown once. Needs a bearer token with one of the roles: admin.
         */
        put: operations["putOpen311Client"];
        post?: never;
        /**
         * Revoke an Open311 client's api_key
         * @description Revoke an Open311 client's api_key. Needs a bearer token with one of the roles: admin.
         */
        delete: operations["deleteOpen311Client"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/area-migration/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the area migration would not decide: split or unmapped wards, conflicting rules, retired units
         * @description What the area migration would not decide: split or unmapped wards, conflicting rules, retired units. Needs a bearer token with one of the roles: admin.
         */
        get: operations["listAreaMigrationFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/area-migration/flags/{kind}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Settle a split ward's ticket: the ward it goes to, one of the flag's candidates (the next migration run moves it)
         * @description Settle a split ward's ticket: the ward it goes to, one of the flag's candidates (the next migration run moves it). Needs a bearer token with one of the roles: admin.
         */
        put: operations["resolveAreaMigrationFlag"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessEntry: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            role: "staff" | "manager" | "admin";
            /** @description The reader's unit: their department (staff), their scope (managers: city, district-<code>), or admin */
            unit: string;
            /** @description The route that showed the data: getTicket, getTicketByRef, getTicketHistory, listDepartmentTickets, actOnTicket, exportTicketsCsv */
            route: string;
            /** @description exportTicketsCsv: the export's scope (one entry per export, whatever its rows) */
            scope?: string;
            from?: string;
            to?: string;
            /** @description Admins only: the official's own id (the owner sees unit and role) */
            userId?: string;
        };
        Area: {
            code: string;
            name: string;
            nameWithType: string;
            type: string;
            /** @enum {string} */
            level: "province" | "district" | "ward";
            parentCode: string;
            provinceCode: string;
            districtCode?: string;
        };
        Category: {
            code: string;
            name: {
                vi: string;
                en: string;
            };
            /** @enum {string} */
            defaultSeverity: "urgent" | "complex" | "normal";
            policy: {
                acknowledgeHours: number;
                answerHours: {
                    urgent: number;
                    complex: number;
                    normal: number;
                };
            };
            evidenceRequired: boolean;
            active: boolean;
        };
        CategoryInput: {
            name: {
                vi: string;
                en: string;
            };
            /** @enum {string} */
            defaultSeverity: "urgent" | "complex" | "normal";
            policy: {
                acknowledgeHours: number;
                answerHours: {
                    urgent: number;
                    complex: number;
                    normal: number;
                };
            };
            evidenceRequired: boolean;
            active: boolean;
        };
        Comment: {
            message: string;
        };
        CreateTicket: {
            category: string;
            description: string;
            title?: string;
            location: {
                wardCode: string;
                lat?: number;
                lng?: number;
                address?: string;
            };
            urgent?: boolean;
            /** @description Photos: ready uploads (purpose ticket) of the caller, not attached elsewhere */
            attachments?: components["schemas"]["UploadRef"][];
            /** @enum {string} */
            visibility?: "public" | "private";
            /** @description The version of the privacy notice the citizen accepted (GET /v1/privacy-notice); required once a notice is configured, 400 when missing or not the current one */
            consentVersion?: string;
        };
        CreateUpload: {
            /**
             * @description ticket: a citizen's photo; evidence: staff's photo for an answer
             * @enum {string}
             */
            purpose: "ticket" | "evidence";
            /**
             * @description The exact Content-Type the file will be sent with
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            /** @description Bytes, 1–10485760 */
            size: number;
        };
        Department: {
            id: string;
            name: {
                vi: string;
                en: string;
            };
            /** @enum {string} */
            kind: "ward" | "district" | "city_department" | "police" | "triage";
            areaCode: string;
            districtCode?: string;
            parentId?: string;
            active: boolean;
        };
        DepartmentInput: {
            name: {
                vi: string;
                en: string;
            };
            /** @enum {string} */
            kind: "ward" | "district" | "city_department" | "police" | "triage";
            areaCode: string;
            parentId?: string;
            active: boolean;
        };
        Erasure: {
            /** @description One per user: asking again returns the same erasure */
            erasureId: string;
            /** @enum {string} */
            status: "pending" | "done";
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            finishedAt?: string;
            /** @description Items each step removed or anonymised: tickets, photos, followings, notifications, preferences */
            counts?: {
                [key: string]: number;
            };
        };
        FollowState: {
            following: boolean;
            followers: number;
        };
        Holidays: {
            year: number;
            dates: string[];
        };
        Me: {
            userId: string;
            /** @enum {string} */
            role: "citizen" | "staff" | "manager" | "admin";
            /** @description The display name in the token, when it has one */
            name?: string;
            /** @description staff: the department they work for */
            departmentId?: string;
            /** @description staff: their department, when it exists */
            department?: {
                id: string;
                name: {
                    vi: string;
                    en: string;
                };
                /** @enum {string} */
                kind: "ward" | "district" | "city_department" | "police" | "triage";
                active: boolean;
            };
            /** @description manager: city or district-<code> */
            scope?: string;
            /** @description district managers: their district's names */
            scopeArea?: {
                code: string;
                name: string;
                nameWithType: string;
                level: string;
            };
        };
        MetricRow: {
            received: number;
            processed: number;
            responded: number;
            rejected: number;
            onTime: number;
            overdue: number;
            rated: number;
            satisfied: number;
            acceptable: number;
            notSatisfied: number;
            reopened: number;
            /** @description Net follows ("me too") of the tickets received in the period, merged duplicates included */
            followers: number;
            /** @description Tickets rejected as duplicates of another */
            duplicates: number;
            /** @description processed / received */
            responseRate: number | null;
            /** @description processed on time / processed */
            onTimeRate: number | null;
            /** @description (satisfied + acceptable) / rated */
            satisfactionRate: number | null;
            medianResponseHours: number | null;
            p90ResponseHours: number | null;
        };
        MetricsReport: {
            scope: string;
            from: string;
            to: string;
            /** @enum {string} */
            granularity: "day" | "month" | "total";
            category: string | null;
            series: {
                received: number;
                processed: number;
                responded: number;
                rejected: number;
                onTime: number;
                overdue: number;
                rated: number;
                satisfied: number;
                acceptable: number;
                notSatisfied: number;
                reopened: number;
                /** @description Net follows ("me too") of the tickets received in the period, merged duplicates included */
                followers: number;
                /** @description Tickets rejected as duplicates of another */
                duplicates: number;
                /** @description processed / received */
                responseRate: number | null;
                /** @description processed on time / processed */
                onTimeRate: number | null;
                /** @description (satisfied + acceptable) / rated */
                satisfactionRate: number | null;
                medianResponseHours: number | null;
                p90ResponseHours: number | null;
                period: string;
            }[];
            totals: components["schemas"]["MetricRow"];
        };
        MigrationFlag: {
            /**
             * @description What was flagged
             * @enum {string}
             */
            kind: "ticket" | "rule" | "department";
            id: string;
            /** @enum {string} */
            reason: "split" | "unmapped" | "conflict" | "district" | "ambiguous" | "department_retired";
            /** @description The 2024 code the item named */
            oldCode: string;
            /** @description 2025 wards it could go to */
            candidates: string[];
            detail?: string;
            /** Format: date-time */
            flaggedAt: string;
            /** @description The ward an admin chose; the next run of the job moves the ticket there */
            resolution?: string;
            /** Format: date-time */
            resolvedAt?: string;
            resolvedBy?: string;
        };
        MigrationFlagResolution: {
            /** @description One of the flag’s candidates: the 2025 ward the ticket goes to */
            resolution: string;
        };
        NearbyTicket: {
            id: string;
            ref?: string;
            category: string;
            status: string;
            distanceM: number;
            /** Format: date-time */
            createdAt: string;
            followers: number;
            /** @description Public tickets only */
            title?: string;
            /** @description Public tickets only: the start of the description, at most 160 visible characters with white space folded, cut at a word and ending in "…" when shortened (the full text is on the ticket) */
            description?: string;
            /** @description Public tickets with photos only: each photo's 320 px thumbnail (width and height are the photo's, for its aspect), never the full photo */
            photos?: components["schemas"]["Thumbnail"][];
        };
        NearbyTickets: {
            items: components["schemas"]["NearbyTicket"][];
        };
        Notification: {
            /** @description The id of the ticket event it tells about */
            id: string;
            ticketId: string;
            /** @description The event type: created, info_requested, responded, overdue, ... */
            type: string;
            /**
             * @description parent: the unit above the department (escalation); follower: a citizen following the ticket
             * @enum {string}
             */
            audience: "citizen" | "department" | "parent" | "follower";
            title: string;
            body: string;
            /** @enum {string} */
            language: "vi" | "en";
            /**
             * Format: date-time
             * @description When it happened (UTC)
             */
            at: string;
            read: boolean;
            readAt: string | null;
        };
        NotificationPreferences: {
            channels: {
                sms: boolean;
                email: boolean;
                push: boolean;
            };
            phone?: string;
            email?: string;
            /** @enum {string} */
            language: "vi" | "en";
            /** @description null: never set, these are the defaults */
            updatedAt: string | null;
        };
        NotificationPreferencesInput: {
            channels: {
                sms: boolean;
                email: boolean;
                push: boolean;
            };
            /** @description Required while SMS is on */
            phone?: string;
            /**
             * Format: email
             * @description Required while e-mail is on
             */
            email?: string;
            /** @enum {string} */
            language: "vi" | "en";
        };
        Open311ClientInput: {
            name: string;
            /** @description Who runs the client system */
            contact?: string;
            /** @description Requests filed per minute with this key (default 30) */
            rateLimitPerMinute?: number;
        };
        Open311Errors: {
            code: number;
            description: string;
        }[];
        Open311Service: {
            service_code: string;
            service_name: string;
            description: string | null;
            metadata: boolean;
            /** @enum {string} */
            type: "realtime" | "batch" | "blackbox";
            keywords: string | null;
            group: string | null;
        };
        Open311ServiceDefinition: {
            service_code: string;
            attributes: {
                variable: boolean;
                code: string;
                /** @enum {string} */
                datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
                required: boolean;
                datatype_description: string | null;
                order: number;
                description: string | null;
                values?: {
                    key: string;
                    name: string;
                }[];
            }[];
        };
        Open311ServiceRequest: {
            service_request_id: string;
            /** @enum {string} */
            status: "open" | "closed";
            status_notes: string | null;
            service_name: string | null;
            service_code: string;
            /** @description Public tickets only (null otherwise) */
            description: string | null;
            agency_responsible: string | null;
            service_notice: string | null;
            requested_datetime: string;
            updated_datetime: string;
            expected_datetime: string;
            /** @description Public tickets only */
            address?: string;
            /** @description Public tickets only */
            lat?: number;
            /** @description Public tickets only */
            long?: number;
            /** @description Public tickets with a photo: a presigned URL of the first photo (re-encoded, no metadata), valid 15 minutes */
            media_url?: string;
            /** @description With extensions=true */
            extended_attributes?: {
                status: string;
                reference: string;
                ward_code: string;
                rating: string | null;
            };
        };
        PersonalDataExport: {
            /**
             * Format: date-time
             * @description When this document was made
             */
            exportedAt: string;
            /** @description Who you are to us: the platform keeps no profile of its own, only what your sign-in token says (and tickets copy: citizenName, citizenPhone, citizenEmail) */
            profile: {
                userId: string;
                name?: string;
                phone?: string;
                email?: string;
            };
            /** @description Your notification preferences (channels, the phone and e-mail they go to, language); null: never set */
            preferences: {
                channels: {
                    sms: boolean;
                    email: boolean;
                    push: boolean;
                };
                phone?: string;
                email?: string;
                /** @enum {string} */
                language: "vi" | "en";
                updatedAt?: string;
            } | null;
            /** @description Every ticket you submitted that still holds your data, newest first */
            tickets: {
                /** @description The ticket as you see it: your contact details, the exact place, your photos (links valid 15 minutes), the consent you gave, the unit's answer, your rating */
                ticket: components["schemas"]["Ticket"];
                /** @description Its events you may see: your comments, the unit's questions and answers, your ratings */
                history: components["schemas"]["TicketEvent"][];
                /** @description Which officials (unit and role) read its personal data, when, through which route */
                accessLog: components["schemas"]["AccessEntry"][];
            }[];
            /** @description Tickets you follow ("me too"): follow or duplicate (made a follower when your ticket was merged) */
            following: {
                ticketId: string;
                at: string;
                via: string;
            }[];
            /** @description Your in-app inbox (items expire after 180 days), with the record of each message sent */
            notifications: {
                id: string;
                ticketId: string;
                type: string;
                audience: string;
                language: string;
                title: string;
                body: string;
                at: string;
                readAt?: string;
                /** @description What was sent where (sms, email, push) for it */
                deliveries: {
                    [key: string]: {
                        status: string;
                        at: string;
                        messageId?: string;
                        error?: string;
                    };
                };
            }[];
            /** @description Your erasure request, if you made one */
            erasure: components["schemas"]["Erasure"] | null;
            /** @description The privacy notice in force */
            privacyNotice: {
                version: string;
                text: {
                    vi: string;
                    en: string;
                };
            } | null;
        };
        Photo: {
            id: string;
            /**
             * Format: uri
             * @description Presigned GET of the re-encoded photo (≤ 2048 px, no metadata), valid 15 minutes
             */
            url: string;
            /**
             * Format: uri
             * @description Presigned GET of the 320 px thumbnail, valid 15 minutes
             */
            thumbUrl: string;
            width: number;
            height: number;
        };
        PrivacyNotice: {
            /** @description What POST /v1/tickets must send as consentVersion */
            version: string;
            text: {
                vi: string;
                en: string;
            };
            /** Format: date-time */
            publishedAt: string;
        };
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path: string;
                message: string;
            }[];
            currentVersion?: number;
            /** @description 422: the rule that refused the action */
            rule?: string;
        };
        PublicTicket: {
            id: string;
            ref: string;
            category: string;
            title?: string;
            description: string;
            location: {
                wardCode: string;
                districtCode?: string;
                provinceCode?: string;
            };
            /** @enum {string} */
            status: "assigned" | "in_progress" | "needs_info" | "responded" | "closed" | "rejected";
            departmentId: string;
            /** @enum {string} */
            severity: "urgent" | "complex" | "normal";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            updatedAt: string;
            photos: components["schemas"]["Photo"][];
        };
        QueueTicket: {
            id: string;
            /** @description The short human reference, e.g. HN-261202-0042: unique, searchable */
            ref: string;
            version: number;
            /** @description The owner (never shown to managers); `erased` once personal data was removed */
            citizenId?: string;
            citizenName?: string;
            citizenPhone?: string;
            citizenEmail?: string;
            category: string;
            title?: string;
            description: string;
            location: {
                wardCode: string;
                districtCode?: string;
                provinceCode?: string;
                lat?: number;
                lng?: number;
                address?: string;
            };
            /** @description The citizen's photos */
            photos: components["schemas"]["Photo"][];
            /** @enum {string} */
            visibility: "public" | "private";
            /** @enum {string} */
            status: "assigned" | "in_progress" | "needs_info" | "responded" | "closed" | "rejected";
            departmentId: string;
            /** @enum {string} */
            severity: "urgent" | "complex" | "normal";
            /** Format: date-time */
            ackDueAt: string;
            /** Format: date-time */
            dueAt: string;
            overdue: boolean;
            escalated: boolean;
            transferCount: number;
            reopenCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When the current department received it; deadlines count from here
             */
            assignedAt?: string;
            /**
             * Format: date-time
             * @description An overdue ticket still open then is escalated to the parent unit
             */
            escalateAt?: string;
            ackOverdue?: boolean;
            overdueCount?: number;
            /** @description With escalated: the parent unit the SLA sweep reported the overdue ticket to (the ticket stays where it is) */
            escalatedTo?: string;
            /** @description A second "not satisfied" rating passed the ticket up to this unit, which holds it since (cleared by a transfer) */
            passedUpTo?: string;
            /** @description Transferred the limit of times (3): the last transfer went to the parent unit, and each further one goes up another level */
            transferLimitReached: boolean;
            /**
             * Format: date-time
             * @description needs_info: the clock stopped here
             */
            pausedAt?: string;
            /** Format: date-time */
            acknowledgedAt?: string;
            /** Format: date-time */
            respondedAt?: string;
            /** Format: date-time */
            closedAt?: string;
            /** @description Who at the department holds it (claim / release); never shown to citizens */
            assignee?: {
                userId: string;
                name?: string;
                /** Format: date-time */
                since: string;
            };
            response?: {
                message: string;
                /** @description Evidence photos */
                photos: components["schemas"]["Photo"][];
                departmentId: string;
                at: string;
            };
            rating?: {
                /** @enum {string} */
                value: "satisfied" | "acceptable" | "not_satisfied";
                comment?: string;
                at: string;
            };
            /** @description Citizens following it ("me too") */
            followers: number;
            rejection?: {
                reasonCode: string;
                message: string;
                duplicateOf?: string;
                /** @description The original's reference (HN-…), which the duplicate's people now follow */
                duplicateOfRef?: string;
                /** @description Where to file a formal complaint */
                complaintProcedure?: {
                    vi: string;
                    en: string;
                };
                at: string;
            };
            /** @description The privacy notice accepted with this ticket */
            consent?: {
                version: string;
                /** Format: date-time */
                at: string;
            };
            /**
             * Format: date-time
             * @description The citizen's personal data was removed (erasure or retention); the unit's record remains
             */
            personalDataRemovedAt?: string;
            /** @description As of the read, from the working-hours calendar */
            timeLeft: {
                /** @description Working hours to dueAt, negative once passed; null when processed */
                workingHoursLeft: number | null;
                /** @description Working hours to ackDueAt while assigned; else null */
                ackWorkingHoursLeft: number | null;
                /** @description needs_info: the clock stands still until the citizen answers */
                clockStopped: boolean;
                /** Format: date-time */
                asOf: string;
            };
        };
        Ranking: {
            from: string;
            to: string;
            /** @enum {string} */
            metric: "responseRate" | "onTimeRate" | "satisfactionRate";
            minSample: number;
            ranked: {
                received: number;
                processed: number;
                responded: number;
                rejected: number;
                onTime: number;
                overdue: number;
                rated: number;
                satisfied: number;
                acceptable: number;
                notSatisfied: number;
                reopened: number;
                /** @description Net follows ("me too") of the tickets received in the period, merged duplicates included */
                followers: number;
                /** @description Tickets rejected as duplicates of another */
                duplicates: number;
                /** @description processed / received */
                responseRate: number | null;
                /** @description processed on time / processed */
                onTimeRate: number | null;
                /** @description (satisfied + acceptable) / rated */
                satisfactionRate: number | null;
                medianResponseHours: number | null;
                p90ResponseHours: number | null;
                rank?: number;
                departmentId: string;
            }[];
            belowMinSample: {
                received: number;
                processed: number;
                responded: number;
                rejected: number;
                onTime: number;
                overdue: number;
                rated: number;
                satisfied: number;
                acceptable: number;
                notSatisfied: number;
                reopened: number;
                /** @description Net follows ("me too") of the tickets received in the period, merged duplicates included */
                followers: number;
                /** @description Tickets rejected as duplicates of another */
                duplicates: number;
                /** @description processed / received */
                responseRate: number | null;
                /** @description processed on time / processed */
                onTimeRate: number | null;
                /** @description (satisfied + acceptable) / rated */
                satisfactionRate: number | null;
                medianResponseHours: number | null;
                p90ResponseHours: number | null;
                rank?: number;
                departmentId: string;
            }[];
        };
        Rating: {
            /** @enum {string} */
            rating: "satisfied" | "acceptable" | "not_satisfied";
            comment?: string;
        };
        ResponseTemplate: {
            id: string;
            category: string;
            /** @enum {string} */
            kind: "respond" | "request_info" | "reject";
            /** @enum {string} */
            reasonCode?: "duplicate" | "out_of_scope" | "complaint_procedure" | "spam" | "insufficient_info";
            title: {
                vi: string;
                en: string;
            };
            body: {
                vi: string;
                en: string;
            };
            /** Format: date-time */
            updatedAt: string;
        };
        ResponseTemplateInput: {
            category: string;
            /**
             * @description The action the text is for
             * @enum {string}
             */
            kind: "respond" | "request_info" | "reject";
            /**
             * @description reject templates: the reason they are for
             * @enum {string}
             */
            reasonCode?: "duplicate" | "out_of_scope" | "complaint_procedure" | "spam" | "insufficient_info";
            /** @description What the picker shows */
            title: {
                vi: string;
                en: string;
            };
            /** @description The text inserted into the form; respond templates at least 20 characters */
            body: {
                vi: string;
                en: string;
            };
        };
        RoutingDecision: {
            departmentId: string;
            ruleId: string | null;
        };
        RoutingRule: {
            id: string;
            category: string;
            areaCode: string;
            departmentId: string;
        };
        RoutingRuleInput: {
            category: string | "*";
            areaCode: string;
            departmentId: string;
        };
        Scorecards: {
            from: string;
            to: string;
            items: {
                departmentId: string;
                received: number;
                processed: number;
                responseRate: number | null;
                onTimeRate: number | null;
                satisfactionRate: number | null;
                medianResponseHours: number | null;
            }[];
        };
        Thumbnail: {
            id: string;
            /**
             * Format: uri
             * @description Presigned GET of the 320 px thumbnail, valid 15 minutes
             */
            thumbUrl: string;
            width: number;
            height: number;
        };
        Ticket: {
            id: string;
            /** @description The short human reference, e.g. HN-261202-0042: unique, searchable */
            ref: string;
            version: number;
            /** @description The owner (never shown to managers); `erased` once personal data was removed */
            citizenId?: string;
            citizenName?: string;
            citizenPhone?: string;
            citizenEmail?: string;
            category: string;
            title?: string;
            description: string;
            location: {
                wardCode: string;
                districtCode?: string;
                provinceCode?: string;
                lat?: number;
                lng?: number;
                address?: string;
            };
            /** @description The citizen's photos */
            photos: components["schemas"]["Photo"][];
            /** @enum {string} */
            visibility: "public" | "private";
            /** @enum {string} */
            status: "assigned" | "in_progress" | "needs_info" | "responded" | "closed" | "rejected";
            departmentId: string;
            /** @enum {string} */
            severity: "urgent" | "complex" | "normal";
            /** Format: date-time */
            ackDueAt: string;
            /** Format: date-time */
            dueAt: string;
            overdue: boolean;
            escalated: boolean;
            transferCount: number;
            reopenCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When the current department received it; deadlines count from here
             */
            assignedAt?: string;
            /**
             * Format: date-time
             * @description An overdue ticket still open then is escalated to the parent unit
             */
            escalateAt?: string;
            ackOverdue?: boolean;
            overdueCount?: number;
            /** @description With escalated: the parent unit the SLA sweep reported the overdue ticket to (the ticket stays where it is) */
            escalatedTo?: string;
            /** @description A second "not satisfied" rating passed the ticket up to this unit, which holds it since (cleared by a transfer) */
            passedUpTo?: string;
            /** @description Transferred the limit of times (3): the last transfer went to the parent unit, and each further one goes up another level */
            transferLimitReached: boolean;
            /**
             * Format: date-time
             * @description needs_info: the clock stopped here
             */
            pausedAt?: string;
            /** Format: date-time */
            acknowledgedAt?: string;
            /** Format: date-time */
            respondedAt?: string;
            /** Format: date-time */
            closedAt?: string;
            /** @description Who at the department holds it (claim / release); never shown to citizens */
            assignee?: {
                userId: string;
                name?: string;
                /** Format: date-time */
                since: string;
            };
            response?: {
                message: string;
                /** @description Evidence photos */
                photos: components["schemas"]["Photo"][];
                departmentId: string;
                at: string;
            };
            rating?: {
                /** @enum {string} */
                value: "satisfied" | "acceptable" | "not_satisfied";
                comment?: string;
                at: string;
            };
            /** @description Citizens following it ("me too") */
            followers: number;
            rejection?: {
                reasonCode: string;
                message: string;
                duplicateOf?: string;
                /** @description The original's reference (HN-…), which the duplicate's people now follow */
                duplicateOfRef?: string;
                /** @description Where to file a formal complaint */
                complaintProcedure?: {
                    vi: string;
                    en: string;
                };
                at: string;
            };
            /** @description The privacy notice accepted with this ticket */
            consent?: {
                version: string;
                /** Format: date-time */
                at: string;
            };
            /**
             * Format: date-time
             * @description The citizen's personal data was removed (erasure or retention); the unit's record remains
             */
            personalDataRemovedAt?: string;
        };
        TicketAction: {
            /** @constant */
            action: "acknowledge";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
        } | {
            /** @constant */
            action: "request_info";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
            /** @description What the citizen should add */
            message: string;
        } | {
            /** @constant */
            action: "respond";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
            message: string;
            /** @description Evidence photos: ready uploads (purpose evidence) of the caller; some categories require at least one */
            evidence?: components["schemas"]["UploadRef"][];
        } | {
            /** @constant */
            action: "transfer";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
            toDepartmentId: string;
            reason: string;
        } | {
            /** @constant */
            action: "reject";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
            /** @enum {string} */
            reasonCode: "duplicate" | "out_of_scope" | "complaint_procedure" | "spam" | "insufficient_info";
            message: string;
            /** @description Required with reasonCode duplicate */
            duplicateOf?: string;
        } | {
            /** @constant */
            action: "note";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
            /** @description Internal: staff, managers and admins see it */
            message: string;
        } | {
            /** @constant */
            action: "set_severity";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
            /** @enum {string} */
            severity: "urgent" | "complex" | "normal";
        } | {
            /** @constant */
            action: "close";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
        } | {
            /** @constant */
            action: "claim";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
        } | {
            /** @constant */
            action: "release";
            /** @description The ticket version the action was decided on; a stale one is 409 */
            expectedVersion: number;
        };
        TicketEvent: {
            eventId: string;
            ticketId: string;
            version: number;
            /** @enum {string} */
            type: "created" | "acknowledged" | "info_requested" | "commented" | "responded" | "transferred" | "rejected" | "note_added" | "severity_changed" | "closed" | "ack_overdue" | "overdue" | "escalated" | "auto_closed" | "rated" | "reopened" | "claimed" | "released" | "area_migrated" | "personal_data_removed";
            /** Format: date-time */
            at: string;
            actor: {
                id: string;
                /** @enum {string} */
                role: "citizen" | "staff" | "manager" | "admin" | "system";
            };
            /** @enum {string} */
            visibility: "public" | "internal";
            data: {
                [key: string]: unknown;
            };
            /** @description Photos this event added (created: the citizen's, responded: the evidence) */
            photos?: components["schemas"]["Photo"][];
        };
        Upload: {
            id: string;
            /** @enum {string} */
            purpose: "ticket" | "evidence";
            /** @enum {string} */
            status: "pending" | "ready" | "rejected" | "attached";
            /** @enum {string} */
            reason?: "not_an_image" | "undecodable" | "too_many_pixels" | "too_large" | "malware";
            width?: number;
            height?: number;
            /**
             * Format: uri
             * @description Presigned GET of the thumbnail once ready, valid 15 minutes
             */
            thumbUrl?: string;
        };
        UploadGrant: {
            id: string;
            /**
             * Format: uri
             * @description POST multipart/form-data here: every entry of fields, then file
             */
            url: string;
            fields: {
                [key: string]: string;
            };
            /** Format: date-time */
            expiresAt: string;
            maxBytes: number;
        };
        UploadRef: {
            uploadId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API can serve */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Category"][];
                    };
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryInput"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAreas: {
        parameters: {
            query?: {
                /** @description Omit to list provinces */
                parent?: string;
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Children of `parent`, by code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Area"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArea: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Area"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Department"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentInput"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The parent would create an escalation cycle */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRoutingRules: {
        parameters: {
            query?: {
                category?: string | "*";
                areaCode?: string;
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RoutingRule"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putRoutingRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingRuleInput"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRule"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRule"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another rule already routes this category in this area */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteRoutingRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewRouting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category: string;
                    wardCode: string;
                };
            };
        };
        responses: {
            /** @description Where such a ticket would go, and by which rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingDecision"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rateTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Rating"];
            };
        };
        responses: {
            /** @description Rated: closed, reopened, or escalated to the parent unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Changed meanwhile (e.g. rated twice at once) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The ticket is not answered (responded) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query: {
                /** @description city | district-<code> | ward-<code> | department-<id> */
                scope: string;
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                from?: string;
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                to?: string;
                granularity?: "day" | "month" | "total";
                category?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counters and rates per period, and totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricsReport"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetricsRanking: {
        parameters: {
            query?: {
                by?: "department";
                metric?: "responseRate" | "onTimeRate" | "satisfactionRate";
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                from?: string;
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                to?: string;
                minSample?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Units ranked; those under minSample listed apart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ranking"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportMetricsCsv: {
        parameters: {
            query: {
                /** @description city | district-<code> | ward-<code> | department-<id> */
                scope: string;
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                from?: string;
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                to?: string;
                granularity?: "day" | "month" | "total";
                category?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One row per period, then a total row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportTicketsCsv: {
        parameters: {
            query: {
                /** @description city | district-<code> | ward-<code> | department-<id> */
                scope: string;
                /** @description First local day received (YYYY-MM-DD); default: 29 days before `to` */
                from?: string;
                /** @description Last local day received; default: today; at most 400 days in all */
                to?: string;
                /** @description From the X-Next-Cursor header of the previous part */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV (id, ref, receivedAt, category, wardCode, departmentId, status, dueAt, processedAt, onTime, rating). When more rows remain, X-Next-Cursor (and Link rel=next) name the next part, which continues the file without a header row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicScorecards: {
        parameters: {
            query?: {
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                from?: string;
                /** @description A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Per department: received, processed and rates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scorecards"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPublicTickets: {
        parameters: {
            query?: {
                area?: string;
                category?: string;
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Processed public tickets, newest first, without personal data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PublicTicket"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUpload"];
            };
        };
        responses: {
            /** @description A presigned POST for one file, valid 5 minutes */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadGrant"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload's state; the uploader only */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTicket: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe creation: same key and body → same ticket */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTicket"];
            };
        };
        responses: {
            /** @description A retry with the same Idempotency-Key and body: the ticket it created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description Created and routed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Idempotency-Key was used with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNearbyTickets: {
        parameters: {
            query: {
                lat: number;
                lng: number;
                /** @description Metres, 50–1000 */
                radius?: number;
                category?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open tickets within the radius, nearest first, at most 10 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NearbyTickets"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    followTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Following (idempotent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unfollowTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not following (idempotent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowState"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Role, department, manager scope and name, as the token says */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    eraseMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the erasure runs within minutes; asking again returns the same one */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicketByRef: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Any case */
                ref: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket the reference names (Content-Location: its URL by id) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyTickets: {
        parameters: {
            query?: {
                status?: "assigned" | "in_progress" | "needs_info" | "responded" | "closed" | "rejected";
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Ticket"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicketHistory: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["TicketEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    commentOnTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Comment"];
            };
        };
        responses: {
            /** @description The ticket with the comment added */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    actOnTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketAction"];
            };
        };
        responses: {
            /** @description The ticket after the action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The ticket changed since expectedVersion; the problem carries currentVersion */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the current state (the problem names the rule) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDepartmentTickets: {
        parameters: {
            query?: {
                /** @description closed or rejected read the done tickets; otherwise open ones */
                status?: "assigned" | "in_progress" | "needs_info" | "responded" | "closed" | "rejected";
                overdue?: "true" | "false";
                /** @description due (default): soonest due first; followers: most followed first, then soonest due */
                sort?: "due" | "followers";
                category?: string;
                wardCode?: string;
                /** @description me: held by the caller; unassigned (alias none): held by nobody */
                assignee?: "me" | "unassigned" | "none";
                /** @description A ticket id or reference: that ticket, if it is in this queue and passes the other filters (one page) */
                q?: string;
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Soonest due first, or most followed first with sort=followers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["QueueTicket"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year’s holidays (empty when none were set) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holidays"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putHolidays: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Local dates YYYY-MM-DD within the year */
                    dates: string[];
                };
            };
        };
        responses: {
            /** @description The holidays as stored (sorted, without duplicates) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holidays"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyNotifications: {
        parameters: {
            query?: {
                /** @description true: only notifications not yet read */
                unread?: "true" | "false";
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s inbox, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification, read (the first read time stays) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s notification preferences (defaults until set: inbox only, Vietnamese) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesInput"];
            };
        };
        responses: {
            /** @description The preferences as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDepartmentNotifications: {
        parameters: {
            query?: {
                /** @description true: only notifications not yet read */
                unread?: "true" | "false";
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description New assignments, added information, reopenings, overdue and escalations, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markDepartmentNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification, read for the unit (the first read time stays) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResponseTemplates: {
        parameters: {
            query?: {
                /** @description The category's own templates and the * ones */
                category?: string;
                kind?: "respond" | "request_info" | "reject";
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Templates by id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ResponseTemplate"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putResponseTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseTemplateInput"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseTemplate"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseTemplate"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteResponseTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPrivacyNotice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyNotice"];
                };
            };
            /** @description No notice is configured: submissions need no consentVersion */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything stored about the caller (Content-Disposition: a file to keep) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalDataExport"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyErasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description pending, or done with when it finished */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTicketAccessLog: {
        parameters: {
            query?: {
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first; the citizen's own reads are not recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AccessEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311GetResource: {
        parameters: {
            query?: {
                /** @description Optional; when given, the province code this endpoint serves */
                jurisdiction_id?: string;
                /** @description service_name and agency names: the jurisdiction's language (vi) or en */
                locale?: "vi" | "en";
                /** @description true: add extended_attributes (our status, reference, ward, rating) */
                extensions?: "true" | "false";
                /** @description Comma-separated ids; overrides every other argument */
                service_request_id?: string;
                service_code?: string;
                /** @description ISO 8601 (a date alone is midnight in Asia/Ho_Chi_Minh) */
                start_date?: string;
                /** @description ISO 8601 (a date alone is midnight in Asia/Ho_Chi_Minh) */
                end_date?: string;
                status?: "open" | "closed";
                /** @description Extension: 1-based page */
                page?: number;
                /** @description Extension: 1–100, default 50 */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description The resource with its format suffix, e.g. `services.json` or `requests.xml` */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `discovery`: the endpoint; `services`: our categories; `requests`: service requests, newest first, filtered (≤ 90 days) and paged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changeset: string;
                        contact: string;
                        key_service: string;
                        endpoints: {
                            specification: string;
                            url: string;
                            changeset: string;
                            type: string;
                            formats: string[];
                        }[];
                    } | components["schemas"]["Open311Service"][] | components["schemas"]["Open311ServiceRequest"][];
                };
            };
            /** @description Bad input: `[{code, description}]` (also as XML for `.xml`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description No such resource, service_code or service_request_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311PostRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retry-safe creation: same key and body → same ticket */
                "idempotency-key"?: string;
            };
            path: {
                /** @description The resource with its format suffix, e.g. `services.json` or `requests.xml` */
                file: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    api_key: string;
                    service_code: string;
                    /** @description 5-digit ward/commune code (required) */
                    "attribute[ward_code]": string;
                    /** @enum {string} */
                    "attribute[urgent]"?: "true" | "false";
                    lat?: number;
                    long?: number;
                    address_string?: string;
                    address_id?: string;
                    /** @description 10–4000 characters */
                    description: string;
                    /** @description Kept private as a contact detail */
                    email?: string;
                    /** @description Kept private as a contact detail */
                    first_name?: string;
                    /** @description Kept private as a contact detail */
                    last_name?: string;
                    /** @description Kept private as a contact detail */
                    phone?: string;
                    /** @description Accepted, not stored (photos are uploads: see /v1/uploads) */
                    media_url?: string;
                    device_id?: string;
                    /** @description Echoed in the answer, not stored */
                    account_id?: string;
                    jurisdiction_id?: string;
                };
            };
        };
        responses: {
            /** @description Filed and routed at once: `[{service_request_id, service_notice}]` */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        service_request_id: string;
                        service_notice: string;
                        account_id?: string;
                    }[];
                };
            };
            /** @description Bad input: `[{code, description}]` (also as XML for `.xml`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Invalid or revoked api_key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description No such resource, service_code or service_request_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Over the key's rate limit */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311GetService: {
        parameters: {
            query?: {
                /** @description Optional; when given, the province code this endpoint serves */
                jurisdiction_id?: string;
                /** @description service_name and agency names: the jurisdiction's language (vi) or en */
                locale?: "vi" | "en";
            };
            header?: never;
            path: {
                /** @description The resource with its format suffix, e.g. `services.json` or `requests.xml` */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attributes to send: ward_code (required) and urgent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceDefinition"];
                };
            };
            /** @description Bad input: `[{code, description}]` (also as XML for `.xml`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description No such resource, service_code or service_request_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311GetRequest: {
        parameters: {
            query?: {
                /** @description Optional; when given, the province code this endpoint serves */
                jurisdiction_id?: string;
                /** @description service_name and agency names: the jurisdiction's language (vi) or en */
                locale?: "vi" | "en";
                /** @description true: add extended_attributes (our status, reference, ward, rating) */
                extensions?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The resource with its format suffix, e.g. `services.json` or `requests.xml` */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request, in a list of one (as the spec shapes it) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceRequest"][];
                };
            };
            /** @description Bad input: `[{code, description}]` (also as XML for `.xml`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description No such resource, service_code or service_request_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    open311GetToken: {
        parameters: {
            query?: {
                /** @description Optional; when given, the province code this endpoint serves */
                jurisdiction_id?: string;
                /** @description service_name and agency names: the jurisdiction's language (vi) or en */
                locale?: "vi" | "en";
            };
            header?: never;
            path: {
                /** @description The resource with its format suffix, e.g. `services.json` or `requests.xml` */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `[{service_request_id, token}]`: requests are routed at once, so a token is the id itself */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        service_request_id: string;
                        token: string;
                    }[];
                };
            };
            /** @description Bad input: `[{code, description}]` (also as XML for `.xml`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description No such resource, service_code or service_request_id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311Errors"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putOpen311Client: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Open311ClientInput"];
            };
        };
        responses: {
            /** @description Replaced, with a new api_key (the previous one stops working) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        contact?: string;
                        rateLimitPerMinute: number;
                        /** @enum {string} */
                        status: "active" | "revoked";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        revokedAt?: string;
                        /** @description Shown only in this reply; stored hashed */
                        apiKey: string;
                    };
                };
            };
            /** @description Created, with its api_key (shown only here) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        contact?: string;
                        rateLimitPerMinute: number;
                        /** @enum {string} */
                        status: "active" | "revoked";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        revokedAt?: string;
                        /** @description Shown only in this reply; stored hashed */
                        apiKey: string;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOpen311Client: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAreaMigrationFlags: {
        parameters: {
            query?: {
                /** @description What was flagged */
                kind?: "ticket" | "rule" | "department";
                /** @description Page size, 1–100 */
                limit?: number;
                /** @description Opaque cursor from the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description By kind, then id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MigrationFlag"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resolveAreaMigrationFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description What was flagged */
                kind: "ticket" | "rule" | "department";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrationFlagResolution"];
            };
        };
        responses: {
            /** @description The flag with the ward chosen; run the migration job again to move the ticket */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationFlag"];
                };
            };
            /** @description The request is not valid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is required */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
