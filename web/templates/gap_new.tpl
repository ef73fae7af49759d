{{%AUTOESCAPE context="HTML"}}<h1>گزارش خلأ قانونی</h1>
{{>ERROR_SUMMARY}}
<form class="panel" method="post" action="/gaps" id="gap-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#TITLE_HAS_ERROR}} has-error{{/TITLE_HAS_ERROR}}">
<label for="f-title">عنوان <span class="hint">در یک جمله: چه قاعده‌ای کم است، مبهم است یا با قاعده دیگری تعارض دارد.</span></label>
{{#TITLE_HAS_ERROR}}<span class="error-message" id="e-title">{{TITLE_ERROR}}</span>{{/TITLE_HAS_ERROR}}
<input type="text" id="f-title" name="title" value="{{TITLE}}" required maxlength="300" hx-post="/gaps/similar" hx-trigger="input changed delay:400ms" hx-target="#similar" hx-include="#gap-form">
</div>
<div class="field{{#DESCRIPTION_HAS_ERROR}} has-error{{/DESCRIPTION_HAS_ERROR}}">
<label for="f-description">شرح <span class="hint">آنچه در عمل پیش آمد، پرونده‌ها و آثار آن.</span></label>
{{#DESCRIPTION_HAS_ERROR}}<span class="error-message">{{DESCRIPTION_ERROR}}</span>{{/DESCRIPTION_HAS_ERROR}}
<textarea id="f-description" name="description" class="long">{{DESCRIPTION}}</textarea>
</div>
<div class="grid">
<div class="field{{#KIND_HAS_ERROR}} has-error{{/KIND_HAS_ERROR}}">
<label for="f-kind">نوع خلأ</label>
{{#KIND_HAS_ERROR}}<span class="error-message">{{KIND_ERROR}}</span>{{/KIND_HAS_ERROR}}
<select id="f-kind" name="kind" required><option value="">انتخاب کنید</option>{{#KIND_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_CHOICE}}</select>
</div>
<div class="field{{#CATEGORY_HAS_ERROR}} has-error{{/CATEGORY_HAS_ERROR}}">
<label for="f-category">موضوع</label>
{{#CATEGORY_HAS_ERROR}}<span class="error-message">{{CATEGORY_ERROR}}</span>{{/CATEGORY_HAS_ERROR}}
<select id="f-category" name="category" required><option value="">انتخاب کنید</option>{{#CATEGORY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CATEGORY_CHOICE}}</select>
</div>
<div class="field{{#PRIORITY_HAS_ERROR}} has-error{{/PRIORITY_HAS_ERROR}}">
<label for="f-priority">اولویت</label>
<select id="f-priority" name="priority">{{#PRIORITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRIORITY_CHOICE}}</select>
</div>
{{#CHOOSE_CITY}}<div class="field{{#MUNICIPALITY_HAS_ERROR}} has-error{{/MUNICIPALITY_HAS_ERROR}}">
<label for="f-municipality">شهر گزارش‌دهنده</label>
<select id="f-municipality" name="municipality" required><option value="">انتخاب کنید</option>{{#CITY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CITY_CHOICE}}</select>
</div>{{/CHOOSE_CITY}}
</div>
<fieldset class="field{{#PROVISIONS_HAS_ERROR}} has-error{{/PROVISIONS_HAS_ERROR}}" id="f-provisions">
<legend>مواد قانونی مرتبط <span class="hint">هر ردیف: نام قانون و شماره ماده. ردیف‌های خالی نادیده گرفته می‌شوند.</span></legend>
{{#PROVISIONS_HAS_ERROR}}<span class="error-message">{{PROVISIONS_ERROR}}</span>{{/PROVISIONS_HAS_ERROR}}
{{#PROVISION}}<div class="grid">
<div><label for="f-law-{{N}}">قانون {{N_FA}}</label><input type="text" id="f-law-{{N}}" name="law" value="{{LAW}}" hx-post="/gaps/similar" hx-trigger="input changed delay:400ms" hx-target="#similar" hx-include="#gap-form"></div>
<div><label for="f-article-{{N}}">ماده {{N_FA}}</label><input type="text" id="f-article-{{N}}" name="article" value="{{ARTICLE}}" hx-post="/gaps/similar" hx-trigger="input changed delay:400ms" hx-target="#similar" hx-include="#gap-form"></div>
</div>{{/PROVISION}}
</fieldset>
<div class="grid">
<div class="field{{#PENDING_LAWSUITS_HAS_ERROR}} has-error{{/PENDING_LAWSUITS_HAS_ERROR}}">
<label for="f-pending_lawsuits">دعاوی در جریان <span class="hint">شمار پرونده‌هایی که این خلأ در آن‌ها اثر دارد</span></label>
{{#PENDING_LAWSUITS_HAS_ERROR}}<span class="error-message">{{PENDING_LAWSUITS_ERROR}}</span>{{/PENDING_LAWSUITS_HAS_ERROR}}
<input type="text" inputmode="numeric" id="f-pending_lawsuits" name="pending_lawsuits" value="{{PENDING_LAWSUITS}}" dir="ltr">
</div>
<div class="field{{#EXPOSURE_RIALS_HAS_ERROR}} has-error{{/EXPOSURE_RIALS_HAS_ERROR}}">
<label for="f-exposure_rials">مبلغ در معرض خطر (ریال)</label>
{{#EXPOSURE_RIALS_HAS_ERROR}}<span class="error-message">{{EXPOSURE_RIALS_ERROR}}</span>{{/EXPOSURE_RIALS_HAS_ERROR}}
<input type="text" inputmode="numeric" id="f-exposure_rials" name="exposure_rials" value="{{EXPOSURE_RIALS}}" dir="ltr">
</div>
</div>
<div class="field">
<label class="checkbox" for="f-confidential"><input type="checkbox" id="f-confidential" name="confidential"{{#CONFIDENTIAL}} checked{{/CONFIDENTIAL}}> محرمانه <span class="hint">تنها شهر شما و کمیسیون مشترک آن را می‌بینند.</span></label>
</div>
<div id="similar" aria-live="polite">{{>SIMILAR_LIST}}</div>
<button type="submit">ثبت گزارش</button>
</form>
