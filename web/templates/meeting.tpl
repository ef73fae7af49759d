{{%AUTOESCAPE context="HTML"}}<div id="meeting">
<p class="muted"><a href="/meetings">جلسه‌ها</a> › <span class="ref">{{REFERENCE}}</span></p>
<h1>جلسه کمیسیون مشترک حقوقی <span class="ref">{{REFERENCE}}</span></h1>
{{>ERROR_SUMMARY}}
{{#STALE}}<div class="notice warn" role="alert" id="conflict"><h2>این جلسه پس از آنکه صفحه را باز کردید تغییر کرده است</h2><p>صفحه اکنون وضعیت تازه را نشان می‌دهد؛ اگر هنوز لازم است، دوباره بفرستید.</p></div>{{/STALE}}
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts" class="visually-hidden">مشخصات جلسه</h2>
<dl class="facts">
<dt>زمان</dt><dd><time datetime="{{AT_ISO}}">{{AT}}</time></dd>
<dt>محل</dt><dd>{{PLACE}}</dd>
<dt>وضعیت</dt><dd><span class="state{{#CLOSED}} terminal{{/CLOSED}}">{{STATE_LABEL}}</span></dd>
<dt>حاضران</dt><dd>{{PRESENT}} شهر از {{MEMBERS}} شهر عضو؛ حد نصاب {{QUORUM_NEEDED}}</dd>
<dt>دستور</dt><dd>{{ITEMS}} بند، {{DECIDED}} تصمیم</dd>
</dl>
<p class="no-print"><a class="button secondary" href="/meetings/{{ID}}/minutes">صورتجلسه</a> <a class="button secondary" href="/meetings/{{ID}}/roll-call.csv" download>فهرست آرا (CSV)</a> <a class="button secondary" href="/meetings/{{ID}}/roll-call.xlsx" download>فهرست آرا (Excel)</a></p>
</section>
<section class="panel" aria-labelledby="h-attendance" id="attendance">
<h2 id="h-attendance">حضور شهرها</h2>
{{#ATTENDANCE_FORM}}<form method="post" action="/meetings/{{ID}}/attendance" class="no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<fieldset id="f-present"{{#PRESENT_HAS_ERROR}} class="has-error"{{/PRESENT_HAS_ERROR}}><legend>شهرهای حاضر را علامت بزنید</legend>
{{#PRESENT_HAS_ERROR}}<span class="error-message">{{PRESENT_ERROR}}</span>{{/PRESENT_HAS_ERROR}}
<ul class="members">{{#MEMBER}}<li><label class="checkbox"><input type="checkbox" name="present" value="{{SLUG}}"{{#TICKED}} checked{{/TICKED}}> {{CITY}}</label></li>{{/MEMBER}}</ul>
</fieldset>
<button type="submit">ثبت حضور</button>
</form>{{/ATTENDANCE_FORM}}
{{#ATTENDANCE_LIST}}<ul class="members">{{#MEMBER}}<li class="{{#IS_PRESENT}}present{{/IS_PRESENT}}{{#IS_ABSENT}}absent{{/IS_ABSENT}}">{{CITY}}: {{#IS_PRESENT}}حاضر{{/IS_PRESENT}}{{#IS_ABSENT}}<span class="muted">غایب</span>{{/IS_ABSENT}}</li>{{/MEMBER}}</ul>{{/ATTENDANCE_LIST}}
</section>
<section aria-labelledby="h-agenda" id="agenda">
<h2 id="h-agenda">دستور جلسه</h2>
{{#NO_ITEMS}}<p class="panel muted">هنوز بندی در دستور جلسه نیست.</p>{{/NO_ITEMS}}
{{#ITEM}}<article class="panel item" id="item-{{N}}" aria-labelledby="h-item-{{N}}">
<h3 id="h-item-{{N}}">بند {{N_FA}}: {{>GAP_MENTION}}</h3>
{{>TALLY}}
{{#VOTE_FORM}}<form method="post" action="/meetings/{{ID}}/items/{{N}}/vote" class="vote no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>رأی {{CITY}}{{#VOTED}} (اکنون: {{MINE}})<span class="hint">تا تصمیم ثبت نشده، رأی را می‌توانید عوض کنید.</span>{{/VOTED}}</legend>
<div class="choices">{{#CHOICE}}<button type="submit" name="vote" value="{{VALUE}}" aria-pressed="{{PRESSED}}" class="secondary">{{LABEL}}</button>{{/CHOICE}}</div>
</fieldset>
</form>{{/VOTE_FORM}}
{{#NOT_PRESENT}}<p class="muted">حضور شهر شما در این جلسه ثبت نشده است؛ رأی پس از ثبت حضور ممکن است.</p>{{/NOT_PRESENT}}
{{#DECISION_FORM}}<form method="post" action="/meetings/{{ID}}/items/{{N}}/decision" class="decide no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<div class="field{{#DECISION_HAS_ERROR}} has-error{{/DECISION_HAS_ERROR}}">
<label for="{{DECISION_ID}}">تصمیم کمیسیون</label>
{{#DECISION_HAS_ERROR}}<span class="error-message">{{DECISION_ERROR}}</span>{{/DECISION_HAS_ERROR}}
<select id="{{DECISION_ID}}" name="decision" required><option value="">انتخاب کنید</option>{{#DECISION_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DECISION_CHOICE}}</select>
</div>
<div class="field">
<label for="{{COMMENT_ID}}">توضیح تصمیم</label>
<textarea id="{{COMMENT_ID}}" name="comment">{{COMMENT}}</textarea>
</div>
<button type="submit">ثبت تصمیم</button>
</form>{{/DECISION_FORM}}
</article>{{/ITEM}}
</section>
{{#AGENDA_FORM}}<p class="panel no-print"><a href="/meetings/{{ID}}/agenda">تنظیم دستور جلسه</a> <span class="muted">— افزودن خلأهای در انتظار کمیسیون یا برداشتن موردی که هنوز رأی ندارد</span></p>{{/AGENDA_FORM}}
{{#CLOSE_FORM}}<form method="post" action="/meetings/{{ID}}/close" class="panel no-print">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="expected_version" value="{{VERSION}}">
<p>پس از پایان جلسه، دیگر رأی، حضور یا تصمیمی ثبت نمی‌شود.</p>
<button type="submit" class="danger">پایان جلسه</button>
</form>{{/CLOSE_FORM}}
<div id="live"{{#LIVE}} hx-get="/meetings/{{ID}}/tally?version={{VERSION}}" hx-trigger="every 4s" hx-swap="none"{{/LIVE}}></div>
</div>
