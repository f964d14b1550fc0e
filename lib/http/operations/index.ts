// Every API operation, for the OpenAPI document. A route handler that is not listed here is not documented.
import type { ApiOperation } from "@/lib/http/api-operation";
import * as accounts from "@/lib/http/operations/accounts";
import * as activity from "@/lib/http/operations/activity";
import * as apiTokens from "@/lib/http/operations/api-tokens";
import * as campaigns from "@/lib/http/operations/campaigns";
import * as explorer from "@/lib/http/operations/explorer";
import * as health from "@/lib/http/operations/health";
import * as imports from "@/lib/http/operations/imports";
import * as items from "@/lib/http/operations/items";
import * as metrics from "@/lib/http/operations/metrics";
import * as progress from "@/lib/http/operations/progress";
import * as pay from "@/lib/http/operations/pay";
import * as releases from "@/lib/http/operations/releases";
import * as reports from "@/lib/http/operations/reports";
import * as reviewQuality from "@/lib/http/operations/review-quality";
import * as reviews from "@/lib/http/operations/reviews";
import * as users from "@/lib/http/operations/users";

export const API_OPERATIONS: ApiOperation[] = [
  ...Object.values(users),
  ...Object.values(accounts),
  ...Object.values(apiTokens),
  ...Object.values(campaigns),
  ...Object.values(progress),
  ...Object.values(items),
  ...Object.values(reviews),
  ...Object.values(explorer),
  ...Object.values(imports),
  ...Object.values(activity),
  ...Object.values(releases),
  ...Object.values(pay),
  ...Object.values(reports),
  ...Object.values(reviewQuality),
  ...Object.values(health),
  ...Object.values(metrics),
];
