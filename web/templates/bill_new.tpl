{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/bills">مجلس</a> › طرح یا لایحه تازه</p>
<h1>ثبت طرح یا لایحه تازه</h1>
{{>ERROR_SUMMARY}}
<form class="panel" method="post" action="/bills">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#TITLE_HAS_ERROR}} has-error{{/TITLE_HAS_ERROR}}">
<label for="f-title">عنوان</label>
{{#TITLE_HAS_ERROR}}<span class="error-message">{{TITLE_ERROR}}</span>{{/TITLE_HAS_ERROR}}
<input type="text" id="f-title" name="title" value="{{TITLE}}" required maxlength="300">
</div>
<div class="grid">
<div class="field{{#CHANNEL_HAS_ERROR}} has-error{{/CHANNEL_HAS_ERROR}}">
<label for="f-channel">مسیر تقدیم</label>
{{#CHANNEL_HAS_ERROR}}<span class="error-message">{{CHANNEL_ERROR}}</span>{{/CHANNEL_HAS_ERROR}}
<select id="f-channel" name="channel" required><option value="">انتخاب کنید</option>{{#CHANNEL_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL_CHOICE}}</select>
</div>
<div class="field{{#URGENCY_HAS_ERROR}} has-error{{/URGENCY_HAS_ERROR}}">
<label for="f-urgency">فوریت</label>
{{#URGENCY_HAS_ERROR}}<span class="error-message">{{URGENCY_ERROR}}</span>{{/URGENCY_HAS_ERROR}}
<select id="f-urgency" name="urgency">{{#URGENCY_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/URGENCY_CHOICE}}</select>
</div>
<div class="field{{#REGISTRATION_NO_HAS_ERROR}} has-error{{/REGISTRATION_NO_HAS_ERROR}}">
<label for="f-registration_no">شماره ثبت <span class="hint">اگر هنوز ندارد، خالی بگذارید</span></label>
{{#REGISTRATION_NO_HAS_ERROR}}<span class="error-message">{{REGISTRATION_NO_ERROR}}</span>{{/REGISTRATION_NO_HAS_ERROR}}
<input type="text" id="f-registration_no" name="registration_no" value="{{REGISTRATION_NO}}">
</div>
</div>
<div class="grid">
<div class="field{{#LEAD_COMMISSION_HAS_ERROR}} has-error{{/LEAD_COMMISSION_HAS_ERROR}}">
<label for="f-lead_commission">کمیسیون اصلی</label>
{{#LEAD_COMMISSION_HAS_ERROR}}<span class="error-message">{{LEAD_COMMISSION_ERROR}}</span>{{/LEAD_COMMISSION_HAS_ERROR}}
<input type="text" id="f-lead_commission" name="lead_commission" value="{{LEAD_COMMISSION}}" required placeholder="کمیسیون قضایی و حقوقی">
</div>
<div class="field{{#ADVISORY_COMMISSIONS_HAS_ERROR}} has-error{{/ADVISORY_COMMISSIONS_HAS_ERROR}}">
<label for="f-advisory_commissions">کمیسیون‌های فرعی <span class="hint">هر کمیسیون در یک سطر</span></label>
{{#ADVISORY_COMMISSIONS_HAS_ERROR}}<span class="error-message">{{ADVISORY_COMMISSIONS_ERROR}}</span>{{/ADVISORY_COMMISSIONS_HAS_ERROR}}
<textarea id="f-advisory_commissions" name="advisory">{{ADVISORY}}</textarea>
</div>
</div>
<fieldset id="f-gaps"{{#GAPS_HAS_ERROR}} class="has-error"{{/GAPS_HAS_ERROR}}><legend>خلأهای تصویب‌شده در کمیسیون مشترک</legend>
{{#GAPS_HAS_ERROR}}<span class="error-message">{{GAPS_ERROR}}</span>{{/GAPS_HAS_ERROR}}
<ul class="plain">{{#ENDORSED}}<li><label class="checkbox"><input type="checkbox" name="gap" value="{{REFERENCE}}"{{#TICKED}} checked{{/TICKED}}> <span><span class="ref">{{REFERENCE}}</span> {{TITLE}} <span class="muted">— {{CITY}}</span></span></label></li>{{/ENDORSED}}</ul>
</fieldset>
<div class="field{{#SPONSORS_HAS_ERROR}} has-error{{/SPONSORS_HAS_ERROR}}">
<label for="f-sponsors">امضاکنندگان (برای طرح نمایندگان) <span class="hint">هر نماینده در یک سطر: نام، حوزه انتخابیه — دست‌کم {{MIN_SIGNATURES}} امضا</span></label>
{{#SPONSORS_HAS_ERROR}}<span class="error-message">{{SPONSORS_ERROR}}</span>{{/SPONSORS_HAS_ERROR}}
<textarea id="f-sponsors" name="sponsors">{{SPONSORS}}</textarea>
</div>
<button type="submit">ثبت</button>
</form>
